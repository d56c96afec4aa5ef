using System.Collections.Immutable;
using Analytics.Data.Market;
using Analytics.Data.Risk;
using Analytics.Pricing.Margin;
using Analytics.Pricing.Risk.Var;
using Analytics.Pricing.Surfaces;

namespace Analytics.Data.Margin;

/// <summary>
/// Prepares a book for margining (PRODUCT.md §3.5, API.md <c>POST /risk/margin</c>): the market snapshot risk uses (latest
/// price per underlying at or before the instant, vols read from the pricing surface at each strike and tenor, r = b = 0,
/// as <see cref="VarService"/>), a <see cref="MarginBook"/> whose equity counts dollar collateral, coin collateral at spot,
/// option values and perpetuals' unrealised P&amp;L, and the EWMA daily vol of each underlying from its indexed closes (the
/// source with the most days in the look-back). Scoped like the snapshot service.
/// </summary>
public sealed class MarginService(AnalyticsDbContext db, MarketSnapshotService market)
{
    /// <summary>The prepared book, or what is missing.</summary>
    /// <param name="book">Positions and collateral.</param>
    /// <param name="heldEquityOffsetsUsd">Per held position: what is added to its value for equity (perpetual: −Q·entry; else 0).</param>
    /// <param name="asOfUtc">Valuation instant.</param>
    /// <param name="surfaceModel">The surface model pricing uses.</param>
    /// <param name="settings">Look-back and decay of the vol.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<(MarginContext? Context, ImmutableArray<MissingMarketData> Missing)> PrepareAsync(RiskBook book, IReadOnlyList<double> heldEquityOffsetsUsd,
        DateTimeOffset asOfUtc, SurfaceModel surfaceModel, MarginOptions settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(settings);
        var positions = book.WithCoinCollateral();
        var underlyings = book.Underlyings();
        if (underlyings.IsEmpty) return (null, [new MissingMarketData("book", "positions", "the book has no position and no coin collateral to margin.")]);
        // Margin values the book without carry for now (r = b = 0, reported in the inputs as rates carry at 0); the
        // funding carry of the VaR and stress runs is not wired here yet.
        var carryPlan = RiskCarryPlan.Of(RiskCarryDefaults.None);
        var (snapshot, missing) = await VarService.SnapshotAsync(market, positions, underlyings, asOfUtc, surfaceModel, carryPlan, cancellationToken);
        if (!missing.IsEmpty) return (null, missing);

        var (bookMarket, carries, surfaceIds) = VarService.BookMarketAt(positions, underlyings, snapshot!, asOfUtc, carryPlan);
        var offsets = heldEquityOffsetsUsd.Concat(Enumerable.Repeat(0.0, positions.Length - book.Positions.Length)).ToArray();
        double dollars = book.Collateral.Where(c => RiskBook.DollarAssets.Contains(c.Key)).Sum(c => c.Value);
        var marginBook = MarginBook.Of(positions, book.Positions.Length, bookMarket, offsets, dollars);

        var dailyVols = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        var sources = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var lacking = ImmutableArray.CreateBuilder<MissingMarketData>();
        var from = DateOnly.FromDateTime(asOfUtc.UtcDateTime).AddDays(-settings.VolLookbackDays);
        int returnDays = int.MaxValue;
        foreach (var u in underlyings)
        {
            var source = await DailyCloses.RichestSourceAsync(db, u, snapshot!.Prices[u].Source, from, asOfUtc, cancellationToken) ?? snapshot.Prices[u].Source;
            sources[u] = source;
            var closes = (await DailyCloses.ReadAsync(db, u, source, from, asOfUtc, cancellationToken)).OrderBy(c => c.Key).Select(c => c.Value).ToArray();
            if (closes.Length < 3)
            {
                lacking.Add(new MissingMarketData("history", u,
                    $"{closes.Length} daily close(s) of {u} ({source}) from {from:yyyy-MM-dd} to {asOfUtc:O}; the liquidation-latency add-on's EWMA vol needs at least 3."));
                continue;
            }

            var returns = closes.Zip(closes.Skip(1), (a, b) => Math.Log(b / a)).ToArray();
            returnDays = Math.Min(returnDays, returns.Length);
            dailyVols[u] = LiquidationLatency.EwmaDailyVol(returns, settings.EwmaLambda);
        }

        if (lacking.Count > 0) return (null, lacking.ToImmutable());
        var inputs = new RiskInputs(snapshot!.Prices, surfaceIds, carries, returnDays, 0, null, null, sources.ToImmutable());
        return (new MarginContext(marginBook, inputs, dailyVols.ToImmutable()), []);
    }

    /// <summary>
    /// The book's underlyings' h-day log returns over the indexed daily closes from <paramref name="fromDay"/> to
    /// <paramref name="toUtc"/> (each underlying from its richest source), aligned on common dates; or what is missing.
    /// </summary>
    public async Task<(AlignedReturns? Returns, ImmutableSortedDictionary<string, string> Sources, MissingMarketData? Missing)> HistoryAsync(
        MarginContext context, DateOnly fromDay, DateTimeOffset toUtc, int windowDays, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await DailyCloses.AlignedReturnsAsync(db, context.Book.Underlyings, u => context.Inputs.Prices[u].Source, fromDay, toUtc, windowDays, cancellationToken);
    }
}

/// <summary>A book prepared for margining and what it used.</summary>
/// <param name="Book">The margin book.</param>
/// <param name="Inputs">Prices, surfaces, carry; <c>HistorySources</c> and <c>ReturnDays</c> describe the vol's closes.</param>
/// <param name="DailyVols">EWMA daily vol per underlying.</param>
public sealed record MarginContext(MarginBook Book, RiskInputs Inputs, ImmutableSortedDictionary<string, double> DailyVols);
