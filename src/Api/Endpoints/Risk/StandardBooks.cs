using System.Collections.Immutable;
using System.Globalization;
using Analytics.Api.Contracts.Portfolios;
using Analytics.Api.Contracts.Risk;
using Analytics.Api.Errors;
using Analytics.Pricing;
using Analytics.Pricing.Black;
using Analytics.Pricing.Engines;
using Analytics.Pricing.Market;
using Analytics.Pricing.Surfaces;

namespace Analytics.Api.Endpoints.Risk;

/// <summary>
/// The standard books of the margin-adequacy backtest (issue 16 item 5): a short strangle at ±Δ, a short perp, a covered
/// call at Δ, each of <c>quantity</c> units, the options European, cash-settled, expiring <c>tenorDays</c> after
/// <c>asOf</c>, their strikes solved for the forward delta on the pricing surface's smile (<see cref="DeltaStrike"/>; the
/// forward is the spot, as margin values with r = b = 0). The positions then go through the inline-portfolio path.
/// </summary>
internal static class StandardBooks
{
    public const string ShortStrangle = "short-strangle", ShortPerp = "short-perp", CoveredCall = "covered-call";
    private static readonly string[] Kinds = [ShortStrangle, ShortPerp, CoveredCall];

    /// <summary>The validated request, or null with field errors under <c>standardBook.*</c>.</summary>
    public static (string Kind, string Underlying, double Quantity, int TenorDays, double Delta)? Validate(StandardBookRequest request, FieldErrors errors)
    {
        var kind = request.Kind?.Trim().ToLowerInvariant();
        if (kind is null || !Kinds.Contains(kind)) errors.Add("standardBook.kind", $"must be one of {string.Join(", ", Kinds)}; got '{request.Kind}'.");
        var underlying = request.Underlying?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(underlying) || underlying.Length > 20 || !underlying.All(char.IsAsciiLetterOrDigit))
            errors.Add("standardBook.underlying", "is required: letters and digits, at most 20 (e.g. ETH).");
        double quantity = request.Quantity ?? 1;
        if (!(quantity > 0 && quantity <= 1e9)) errors.Add("standardBook.quantity", $"must be > 0 and at most 1e9; got {quantity}.");
        int tenorDays = request.TenorDays ?? 30;
        if (tenorDays is < 1 or > 365) errors.Add("standardBook.tenorDays", $"must be 1–365 days; got {tenorDays}.");
        double delta = request.Delta ?? 0.25;
        if (!(delta >= 0.05 && delta <= 0.5)) errors.Add("standardBook.delta", $"must be 0.05–0.5; got {delta}.");
        return kind is not null && Kinds.Contains(kind) && !string.IsNullOrEmpty(underlying) ? (kind, underlying, quantity, tenorDays, delta) : null;
    }

    /// <summary>The book's positions at <paramref name="asOf"/>, or what is missing (the spot, or the surface for options).</summary>
    public static async Task<(StandardBookResponse? Book, ImmutableArray<MissingMarketData> Missing)> BuildAsync(
        (string Kind, string Underlying, double Quantity, int TenorDays, double Delta) spec, DateTimeOffset asOf, string chain,
        MarketSnapshotService market, SurfaceModel surfaceModel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(market);
        var (kind, underlying, quantity, tenorDays, delta) = spec;
        bool options = kind != ShortPerp;
        var snapshot = await market.BuildAsync(new MarketSnapshotRequest(asOf, [underlying], [], surfaceModel), cancellationToken);
        var missing = snapshot.Missing.Where(m => m.Kind is not ("funding" or "surface") || (m.Kind == "surface" && options)).ToImmutableArray();
        if (!missing.IsEmpty) return (null, missing);

        double spot = snapshot.Prices[underlying].PriceUsd;
        var expiry = asOf.AddDays(tenorDays);
        double tenorYears = YearFraction.Act365F(asOf, expiry);
        double Strike(double d) => Math.Round(DeltaStrike.Solve(spot, tenorYears, d, k => snapshot.Surfaces[underlying].Surface.LognormalVolAtStrike(k, tenorYears)), 8);
        PortfolioPositionRequest Option(OptionRight right, double d) => new(PortfolioPositionKind.Option, underlying, right, OptionExerciseStyle.European,
            Strike(d), expiry.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), -quantity, chain, null,
            Settlement: OptionSettlement.Cash);
        PortfolioPositionRequest[] positions = kind switch
        {
            ShortStrangle => [Option(OptionRight.Call, delta), Option(OptionRight.Put, -delta)],
            ShortPerp => [new(PortfolioPositionKind.Perp, underlying, null, null, null, null, -quantity, null, null, EntryPrice: spot)],
            _ => [new(PortfolioPositionKind.Spot, underlying, null, null, null, null, quantity, null, null, EntryPrice: spot), Option(OptionRight.Call, delta)],
        };
        return (new StandardBookResponse(kind, underlying, quantity, tenorDays, delta, spot, positions), []);
    }
}
