using System.Collections.Immutable;
using Analytics.Data.Portfolios;
using Analytics.Data.Market;
using Analytics.Pricing.Risk;
using Analytics.Pricing.Surfaces;

namespace Analytics.Data.Risk;

/// <summary>
/// The VaR history of a stored portfolio against its realised P&amp;L (PRODUCT.md §3.5 backtesting, API.md
/// <c>POST /risk/backtest</c> with <c>portfolioId</c>): per UTC day the last stored one-day run at the confidence
/// (<see cref="VarRunStore.DailyAsync"/>), and the hypothetical (static-book) P&amp;L of the portfolio version that run
/// valued over the next day: the run's market (spots, surface vols and carry as the run used them, at its as-of)
/// revalued with every underlying moved by its close-to-close return from the run's day to the next day in the indexed
/// daily closes (the run's history source, else its price source) and one day of time decay (1/365). Days without a
/// run, or without both closes, or whose market can no longer be rebuilt, are skipped with the reason. With a
/// <c>closesKnownAtUtc</c> (a report's as-of), no close stamped after it is read (issue 15): a report at noon cannot
/// test the day before's run against today's close, which is known only when today ends.
/// </summary>
public sealed class StoredVarBacktest(AnalyticsDbContext db, MarketSnapshotService market, VarRunStore runs, PortfolioStore portfolios)
{
    private const double OneDayYears = 1.0 / 365.0;

    /// <summary>Every day from <paramref name="fromDay"/> to <paramref name="toDay"/>: a pair or a skip; closes only up to <paramref name="closesKnownAtUtc"/> when given.</summary>
    public async Task<ImmutableArray<StoredVarBacktestDay>> DaysAsync(
        long portfolioId, DateOnly fromDay, DateOnly toDay, double confidence, SurfaceModel surfaceModel, DateTimeOffset? closesKnownAtUtc,
        CancellationToken cancellationToken)
    {
        var daily = (await runs.DailyAsync(db, portfolioId, fromDay, toDay, confidence, cancellationToken))
            .ToDictionary(r => DateOnly.FromDateTime(r.Run.AsOfUtc.UtcDateTime));
        var days = ImmutableArray.CreateBuilder<StoredVarBacktestDay>();
        for (var day = fromDay; day <= toDay; day = day.AddDays(1))
        {
            if (!daily.TryGetValue(day, out var run))
            {
                days.Add(new StoredVarBacktestDay(day, null, null, null, $"no stored one-day VaR run of portfolio {portfolioId} at confidence {confidence} on this day."));
                continue;
            }

            var (pnl, reason) = await RealisedAsync(run, surfaceModel, closesKnownAtUtc, cancellationToken);
            days.Add(new StoredVarBacktestDay(day, run.Id, run.Run.Estimate.ValueAtRisk, pnl, reason));
        }

        return days.ToImmutable();
    }

    private async Task<(double? Pnl, string? Reason)> RealisedAsync(
        StoredVarRun stored, SurfaceModel surfaceModel, DateTimeOffset? closesKnownAtUtc, CancellationToken cancellationToken)
    {
        var run = stored.Run;
        var portfolio = await portfolios.FindAsync(db, stored.PortfolioId!.Value, stored.PortfolioVersion, cancellationToken, includeDeleted: true);
        if (portfolio is null) return (null, $"portfolio {stored.PortfolioId} version {stored.PortfolioVersion} is no longer stored.");
        var book = RiskBook.Of(portfolio.Definition);
        var positions = book.WithCoinCollateral();
        var underlyings = book.Underlyings();
        var day = DateOnly.FromDateTime(run.AsOfUtc.UtcDateTime);
        var next = day.AddDays(1);
        var upTo = CandleClose.EndOfUtcDay(next); // through the close of the next day
        if (closesKnownAtUtc is { } known && known < upTo) upTo = known;
        var shifts = new Dictionary<string, UnderlyingShift>(StringComparer.Ordinal);
        foreach (var u in underlyings)
        {
            var source = run.Inputs.HistorySources.TryGetValue(u, out var s) ? s : run.Inputs.Prices.TryGetValue(u, out var p) ? p.Source : null;
            if (source is null) return (null, $"the run names no price source of {u}.");
            var closes = await DailyCloses.ReadAsync(db, u, source, day, upTo, cancellationToken);
            if (!closes.TryGetValue(day, out var c0) || !closes.TryGetValue(next, out var c1))
                return (null, $"no {source} close of {u} on {(closes.ContainsKey(day) ? next : day):yyyy-MM-dd}.");
            shifts[u] = new UnderlyingShift(c1 / c0 - 1.0, 0.0);
        }

        // The run's own carry, as it used it.
        var carry = new RiskCarryPlan(RiskCarryDefaults.None, run.Inputs.Carry.ToImmutableSortedDictionary(
            c => c.Key, c => new CarryChoice(CarrySource.Explicit, c.Value.Rate, 0.0, c.Value.CostOfCarry), StringComparer.Ordinal));
        var (snapshot, missing) = await VarService.SnapshotAsync(market, positions, underlyings, run.AsOfUtc, surfaceModel, carry, cancellationToken);
        if (!missing.IsEmpty) return (null, $"the run's market can no longer be rebuilt: {string.Join(" ", missing.Select(m => m.Reason))}");
        var (valuation, _) = VarService.Prepare(positions, underlyings, snapshot!, run.AsOfUtc, carry);
        var values = valuation.Value([new MarketScenario(OneDayYears, shifts)], 1);
        return (values.ProfitAndLoss(0), null);
    }
}
