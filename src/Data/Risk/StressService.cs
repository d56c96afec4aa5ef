using System.Collections.Immutable;
using Analytics.Data.Market;
using Analytics.Data.Telemetry;
using Analytics.Pricing.Risk;
using Analytics.Pricing.Risk.Stress;
using Analytics.Pricing.Surfaces;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Data.Risk;

/// <summary>
/// Stress tests of a book (PRODUCT.md §3.5, API.md <c>POST /risk/stress</c>): the book valued as <see cref="VarService"/>
/// values it, then fully revalued under each scenario. A named historical scenario
/// (<see cref="HistoricalStressScenarios"/>) moves each underlying by its close-to-close return over the window in the
/// indexed daily history (the first source with both closes, the latest price's first) when stored, else by the catalogue's
/// reference move; an underlying with neither is reported missing, never left unmoved. Only closes known at the as-of are
/// read (issue 15): a scenario whose window ends after the as-of takes the reference move.
/// </summary>
public sealed class StressService(AnalyticsDbContext db, MarketSnapshotService market)
{
    /// <summary>Runs the scenarios on the book at <paramref name="asOfUtc"/>.</summary>
    public async Task<StressOutcome> RunAsync(
        RiskBook book, IReadOnlyList<StressScenarioDefinition> scenarios, DateTimeOffset asOfUtc, SurfaceModel surfaceModel, RiskCarryPlan carry,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(scenarios);
        var positions = book.WithCoinCollateral();
        var underlyings = book.Underlyings();
        var (snapshot, missing) = await VarService.SnapshotAsync(market, positions, underlyings, asOfUtc, surfaceModel, carry, cancellationToken);
        if (!missing.IsEmpty) return new StressOutcome([], null, missing);

        var moves = new List<ImmutableSortedDictionary<string, StressMove>>();
        var lacking = ImmutableArray.CreateBuilder<MissingMarketData>();
        foreach (var scenario in scenarios)
        {
            var resolved = ImmutableSortedDictionary.CreateBuilder<string, StressMove>(StringComparer.Ordinal);
            if (scenario.Moves is { } given)
            {
                foreach (var u in underlyings)
                {
                    var m = given.TryGetValue(u, out var asked) ? asked : default;
                    resolved[u] = new StressMove(m.SpotRelative, m.VolAbsolute, given.ContainsKey(u) ? "request" : "request (not moved)") { VolBuckets = m.VolBuckets };
                }
            }
            else
            {
                var named = HistoricalStressScenarios.All[scenario.Name];
                foreach (var u in underlyings)
                {
                    var indexed = await IndexedMoveAsync(u, snapshot!.Prices[u].Source, named, asOfUtc, cancellationToken);
                    if (indexed is { } found)
                        resolved[u] = new StressMove(found.Move, named.VolShiftOf(u), $"indexed closes ({found.Source}) {named.FromClose:yyyy-MM-dd} to {named.ToClose:yyyy-MM-dd}");
                    else if (named.ReferenceSpotMoves.TryGetValue(u, out var reference))
                        resolved[u] = new StressMove(reference, named.VolShiftOf(u), named.ReferenceSource);
                    else
                        lacking.Add(new MissingMarketData("history", u,
                            $"scenario {named.Name}: no price source has {u} closes on both {named.FromClose:yyyy-MM-dd} and {named.ToClose:yyyy-MM-dd}, and the catalogue has no reference move for {u}; give the scenario's moves yourself."));
                }
            }

            moves.Add(resolved.ToImmutable());
        }

        if (lacking.Count > 0) return new StressOutcome([], null, lacking.ToImmutable());

        var (valuation, inputs) = VarService.Prepare(positions, underlyings, snapshot!, asOfUtc, carry);
        var values = valuation.Value([.. moves.Select(m => new MarketScenario(0.0, m.ToDictionary(x => x.Key, x => x.Value.ToShift())))], cancellationToken: cancellationToken);
        int held = book.Positions.Length;
        var results = scenarios.Select((s, i) =>
        {
            var row = values.PositionValues(i);
            var losses = new double[row.Length];
            for (int p = 0; p < row.Length; p++) losses[p] = values.BaseValues[p] - row[p];
            return new StressScenarioResult(s.Name, moves[i], losses.Sum(), [.. losses.Take(held)], losses.Skip(held).Sum());
        }).ToImmutableArray();
        AnalyticsMetrics.RiskRuns.Add(1, new("kind", "stress"), new("method", "full-revaluation"));
        return new StressOutcome(results, inputs, []);
    }

    /// <summary>
    /// The close-to-close move of <paramref name="underlying"/> over the scenario's window from the first price source with
    /// both closes: the latest price's source first, then the others by name; null when none has both. Closes are read up
    /// to the end of the window's last day (where a daily close is stamped, <see cref="CandleClose"/>), and never after
    /// <paramref name="asOfUtc"/>.
    /// </summary>
    private async Task<(double Move, string Source)?> IndexedMoveAsync(
        string underlying, string preferred, HistoricalStressScenario named, DateTimeOffset asOfUtc, CancellationToken cancellationToken)
    {
        var from = named.FromClose.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var dayEnd = CandleClose.EndOfUtcDay(named.ToClose); // was 23:59:59, which missed a close stamped at 23:59:59.999999
        var to = dayEnd < asOfUtc ? dayEnd : asOfUtc;
        var sources = await db.PriceObservations.AsNoTracking()
            .Where(p => p.Underlying == underlying && p.TimestampUtc >= from && p.TimestampUtc <= to.UtcDateTime && !p.Source.StartsWith(Market.PriceSources.DatedFuturePrefix))
            .Select(p => p.Source).Distinct().ToListAsync(cancellationToken);
        foreach (var source in sources.OrderBy(s => s == preferred ? 0 : 1).ThenBy(s => s, StringComparer.Ordinal))
        {
            var closes = await DailyCloses.ReadAsync(db, underlying, source, named.FromClose, to, cancellationToken);
            if (closes.TryGetValue(named.FromClose, out var first) && closes.TryGetValue(named.ToClose, out var last)) return (last / first - 1, source);
        }

        return null;
    }
}
