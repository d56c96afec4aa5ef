using System.Collections.Immutable;
using System.Text.Json;
using Analytics.Api.Contracts.Surfaces;
using Analytics.Pricing;
using Analytics.Pricing.Surfaces;

namespace Analytics.Api.Endpoints.Surfaces;

/// <summary>The one mapping between the numerics' <see cref="VolatilitySurface"/> and the API's surface contracts. No maths here.</summary>
internal static class SurfaceMapping
{
    /// <summary>Wire id of an enum member (kebab-case, as the API writes enums).</summary>
    public static string Id<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static SurfaceModel ToModel(SurfaceModelKind kind) => kind == SurfaceModelKind.Ssvi ? SurfaceModel.Ssvi : SurfaceModel.Svi;

    public static double? Finite(double value) => double.IsFinite(value) ? value : null;

    /// <summary>The slices, with each point's indexed quote id from <paramref name="quoteId"/> (null for posted quotes).</summary>
    public static List<SurfaceSliceResponse> Slices(VolatilitySurface surface, Func<DateTimeOffset, double, OptionRight, long?> quoteId) =>
        surface.Slices.Select(s => new SurfaceSliceResponse(
            s.ExpiryUtc, s.TenorYears, s.Forward, Id(s.ForwardSource), s.DiscountFactor,
            new SviParamsResponse(s.Parameters.A, s.Parameters.B, s.Parameters.Rho, s.Parameters.M, s.Parameters.Sigma),
            Finite(s.RmseVolPoints), Finite(s.VenueRmseVolPoints), s.ButterflyRepaired,
            s.Points.Select(p => new SurfacePointResponse(p.Strike, p.Right,
                p.LogMoneyness, p.BidVol, p.AskVol, p.MidVol, p.ModelVol, p.ErrorVolPoints, Finite(p.VenueMarkVol),
                quoteId(s.ExpiryUtc, p.Strike, p.Right))).ToList())).ToList();

    public static ArbitrageResponse Arbitrage(ArbitrageReport report) => new(
        report.IsArbitrageFree,
        report.Butterfly.Select((b, i) => new ButterflyResponse(
            DateTimeOffset.MinValue, b.IsArbitrageFree, b.MinimumG, b.LogMoneynessAtMinimum, [b.GridFrom, b.GridTo, b.GridPoints],
            [b.LeftWingSlope, b.RightWingSlope],
            b.Violations.Select(v => new ButterflyViolationResponse(v.FromLogMoneyness, v.ToLogMoneyness, v.MinimumG, v.LogMoneynessAtMinimum)).ToList(),
            b.Reason)).ToList(),
        report.Calendar.Select(c => new CalendarViolationResponse(c.EarlierExpiryUtc, c.LaterExpiryUtc, c.FromLogMoneyness, c.ToLogMoneyness,
            c.MaximumDeficit, c.LogMoneynessAtMaximum)).ToList(),
        [report.CalendarGridFrom, report.CalendarGridTo]);

    /// <summary>The arbitrage report with each butterfly diagnosis named by its slice's expiry.</summary>
    public static ArbitrageResponse Arbitrage(VolatilitySurface surface)
    {
        var report = Arbitrage(surface.Arbitrage);
        return report with { Butterfly = report.Butterfly.Select((b, i) => b with { Expiry = surface.Slices[i].ExpiryUtc }).ToList() };
    }

    public static SsviParamsResponse? Ssvi(VolatilitySurface surface) =>
        surface.Ssvi is { } fit ? new SsviParamsResponse(fit.Parameters.Rho, fit.Parameters.Eta, fit.Parameters.Gamma) : null;

    public static Dictionary<string, int> Dropped(VolatilitySurface surface) =>
        surface.DroppedByReason.ToDictionary(d => Id(d.Key), d => d.Value);

    /// <summary>
    /// Rebuilds the queryable surface from a stored response: slices with their parameters, forwards and discount
    /// factors (enough for every vol, grid and pricing query; market points stay in the contract).
    /// </summary>
    public static VolatilitySurface ToSurface(SurfaceResponse stored)
    {
        var slices = stored.Slices.Select(s =>
        {
            var p = new SviParameters(s.Params.A, s.Params.B, s.Params.Rho, s.Params.M, s.Params.Sigma);
            var source = Enum.GetValues<ForwardSource>().FirstOrDefault(f => Id(f) == s.ForwardSource);
            return new SurfaceSlice(s.Expiry, s.TenorYears, s.Forward, source, s.DiscountFactor, p, s.RmseVolPoints ?? double.NaN,
                [], ArbitrageDiagnostics.Diagnose(p), s.ButterflyRepaired, TimeSpan.Zero);
        }).ToImmutableArray();
        var report = new ArbitrageReport([.. slices.Select(s => s.Butterfly)], [], stored.Arbitrage.CalendarGridLogMoneyness[0],
            stored.Arbitrage.CalendarGridLogMoneyness[1]);
        return new VolatilitySurface(stored.AsOf, ToModel(stored.Model), slices, report, null, stored.Inputs.QuotesIn,
            ImmutableSortedDictionary<QuoteDropReason, int>.Empty, TimeSpan.FromMilliseconds(stored.ElapsedMs));
    }
}
