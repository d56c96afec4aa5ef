using System.Text.Json;
using Analytics.Api.Contracts.Surfaces;
using Analytics.Api.Serialization;
using Analytics.Data.Entities;
using Analytics.Pricing.Surfaces;

namespace Analytics.Api.Endpoints.Surfaces;

/// <summary>
/// The one mapping from a stored surface (Data's <see cref="StoredSurface"/>, its numerics rebuilt) to the API's surface
/// contracts. No maths here, and nothing of the contract goes back to storage.
/// </summary>
internal static class SurfaceMapping
{
    /// <summary>Wire id of an enum member (kebab-case, as the API writes enums).</summary>
    public static string Id<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static double? Finite(double value) => double.IsFinite(value) ? value : null;

    /// <summary>Which rule gave a vol (GET /surfaces/{id}/vol and the option chain's rows).</summary>
    public static SurfaceExtrapolationResponse Extrapolation(SurfaceExtrapolation rule) => new(EnumNames.Of(rule.Tenor), EnumNames.Of(rule.Strike),
        Finite(rule.QuotedLogMoneynessFrom), Finite(rule.QuotedLogMoneynessTo), rule.IsInterpolated);

    /// <summary>GET /surfaces/{id}, /surfaces/latest and the 201 of a fit: the stored surface as the API shows it.</summary>
    public static SurfaceResponse ToResponse(StoredSurface stored)
    {
        var surface = stored.Surface;
        return new SurfaceResponse(
            stored.Id, stored.Underlying, surface.AsOfUtc, surface.Model, stored.CreatedUtc, Slices(stored), Arbitrage(surface),
            new SurfaceInputsResponse(stored.Inputs.Source, stored.Inputs.SnapshotAt, surface.QuotesIn, stored.QuotesUsed,
                surface.DroppedByReason.ToDictionary(d => Id(d.Key), d => d.Value)),
            stored.MedianRmseVolPoints,
            stored.Ssvi is { } ssvi ? new SsviParamsResponse(ssvi.Rho, ssvi.Eta, ssvi.Gamma) : null,
            stored.ElapsedMilliseconds,
            stored.Inputs.SnapshotAt,
            stored.Inputs.SnapshotAgeSeconds(),
            Quality(surface.Quality),
            [.. surface.Slices.Where(s => s.IsFailing).Select(s => s.ExpiryUtc)],
            stored.IsPublished,
            stored.PublishedUtc,
            QualityGate(stored.QualityGate));
    }

    public static FitQualityResponse Quality(FitQuality quality) => new(Errors(quality.InRange), Errors(quality.Wings));

    private static FitErrorResponse Errors(FitErrorSummary e) => new(e.Points, e.PointsWithMark, Finite(e.RmseVsMarkVolPoints),
        Finite(e.MaxErrorVsMarkVolPoints), e.PointsWithMid, Finite(e.RmseVsMidVolPoints), Finite(e.MaxErrorVsMidVolPoints));

    /// <summary>A listing entry, from the stored row's scalar columns (and its stored quality-gate verdict).</summary>
    public static SurfaceSummaryResponse Summary(VolatilitySurfaceEntity s)
    {
        var (snapshotAt, snapshotAge) = SurfaceStore.SnapshotOf(s);
        return new(
            s.Id, s.Underlying, Utc(s.AsOfUtc), Model(s.Model), Utc(s.CreatedUtc), s.InputSource,
            s.SliceCount, s.QuotesUsed, s.MedianRmseVolPoints, s.ArbitrageFree,
            s.PublishedUtc is not null, s.PublishedUtc is { } published ? Utc(published) : null, QualityGate(SurfaceStore.QualityGateOf(s)),
            snapshotAt, snapshotAge);
    }

    /// <summary>The summary of a stored surface (the answer of POST /surfaces/{id}/publish).</summary>
    public static SurfaceSummaryResponse Summary(StoredSurface s) => new(
        s.Id, s.Underlying, s.Surface.AsOfUtc, s.Surface.Model, s.CreatedUtc, s.Inputs.Source,
        s.Surface.Slices.Length, s.QuotesUsed, s.MedianRmseVolPoints, s.Surface.Arbitrage.IsArbitrageFree,
        s.IsPublished, s.PublishedUtc, QualityGate(s.QualityGate), s.Inputs.SnapshotAt, s.Inputs.SnapshotAgeSeconds());

    public static QualityGateResponse? QualityGate(SurfaceQualityVerdict? v) => v is null ? null
        : new QualityGateResponse(v.Passed, [.. v.Reasons], Finite(v.MedianRmseVolPoints), Id(v.RmseBasis), v.MaxMedianRmseVolPoints);

    /// <summary>The model of a stored row's id (<see cref="Id{T}"/> of a <see cref="SurfaceModel"/>).</summary>
    private static SurfaceModel Model(string id) =>
        Enum.GetValues<SurfaceModel>().FirstOrDefault(m => Id(m) == id);

    private static List<SurfaceSliceResponse> Slices(StoredSurface stored) =>
        stored.Surface.Slices.Select((s, i) => new SurfaceSliceResponse(
            s.ExpiryUtc, s.TenorYears, s.Forward, Id(s.ForwardSource), s.DiscountFactor,
            new SviParamsResponse(s.Parameters.A, s.Parameters.B, s.Parameters.Rho, s.Parameters.M, s.Parameters.Sigma),
            Finite(s.RmseVolPoints), Finite(s.VenueRmseVolPoints), s.ButterflyRepaired,
            s.Points.Select((p, j) => new SurfacePointResponse(p.Strike, p.Right,
                p.LogMoneyness, Finite(p.BidVol), Finite(p.AskVol), Finite(p.MidVol), p.ModelVol, Finite(p.ErrorVolPoints), Finite(p.VenueMarkVol),
                stored.QuoteIds[i][j], p.InQuotedRange)).ToList(),
            Quality(s.Quality),
            [Finite(s.QuotedRangeFrom), Finite(s.QuotedRangeTo)],
            s.Repair is { } r
                ? new SliceRepairResponse(Id(r.Butterfly), Id(r.Calendar), r.MaximumExcessVolPoints, Finite(r.LogMoneynessAtMaximumExcess), r.IsFailing, r.Reason)
                : null)).ToList();

    /// <summary>The arbitrage report with each butterfly diagnosis named by its slice's expiry.</summary>
    private static ArbitrageResponse Arbitrage(VolatilitySurface surface)
    {
        var report = surface.Arbitrage;
        return new ArbitrageResponse(
            report.IsArbitrageFree,
            report.Butterfly.Select((b, i) => new ButterflyResponse(
                surface.Slices[i].ExpiryUtc, b.IsArbitrageFree, b.MinimumG, b.LogMoneynessAtMinimum, [b.GridFrom, b.GridTo, b.GridPoints],
                [b.LeftWingSlope, b.RightWingSlope],
                b.Violations.Select(v => new ButterflyViolationResponse(v.FromLogMoneyness, v.ToLogMoneyness, v.MinimumG, v.LogMoneynessAtMinimum)).ToList(),
                b.Reason)).ToList(),
            report.Calendar.Select(c => new CalendarViolationResponse(c.EarlierExpiryUtc, c.LaterExpiryUtc, c.FromLogMoneyness, c.ToLogMoneyness,
                c.MaximumDeficit, c.LogMoneynessAtMaximum)).ToList(),
            [report.CalendarGridFrom, report.CalendarGridTo]);
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
