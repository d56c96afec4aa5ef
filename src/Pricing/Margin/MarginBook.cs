using System.Collections.Concurrent;
using System.Collections.Immutable;
using Analytics.Pricing.Market;
using Analytics.Pricing.Risk;

namespace Analytics.Pricing.Margin;

/// <summary>
/// A book prepared for margining: its positions (the held ones first, then coin collateral as spot positions), the base
/// market, and the account's equity at any spot (dollar collateral + every position's value + each position's equity
/// offset, e.g. −Q·entry for a perpetual, whose equity is its unrealised P&amp;L Q·(S − entry)). Positions are revalued by
/// the shared scenario engine (<see cref="ScenarioValuation"/>) underlying by underlying (<see cref="UnderlyingSubBook"/>),
/// one valuation per vol shock built on first use from the base vols, read once per position. Each position's value is
/// the engine's whichever sub-book or part it is valued in (bit for bit). Thread-safe.
/// </summary>
public sealed class MarginBook
{
    private readonly ConcurrentDictionary<string, Lazy<UnderlyingSubBook>> _subBooks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImmutableArray<int>> _indexes;
    private readonly double[] _lognormalVols;

    private MarginBook(ImmutableArray<RiskPosition> positions, int heldCount, BookMarket market, ImmutableArray<double> equityOffsetsUsd, double dollarCollateralUsd)
    {
        Positions = positions;
        HeldCount = heldCount;
        Market = market;
        EquityOffsetsUsd = equityOffsetsUsd;
        DollarCollateralUsd = dollarCollateralUsd;
        _indexes = Enumerable.Range(0, positions.Length).GroupBy(p => positions[p].Underlying, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
        Underlyings = [.. _indexes.Keys.Order(StringComparer.Ordinal)];
        foreach (var u in Underlyings)
        {
            if (!market.Underlyings.TryGetValue(u, out var underlying) || underlying is null)
                throw new ArgumentException($"The market has no {u}.", nameof(market));
        }

        _lognormalVols = new double[positions.Length];
        for (int p = 0; p < positions.Length; p++)
        {
            if (positions[p].Option is not { } option) continue;
            if (!market.LognormalVols.TryGetValue(option, out double vol))
                throw new ArgumentException($"The market has no vol for position {p}'s option.", nameof(market));
            if (!(double.IsFinite(vol) && vol >= 0.0))
                throw new ArgumentOutOfRangeException(nameof(market), vol, $"The vol of position {p}'s option must be finite and ≥ 0.");
            _lognormalVols[p] = vol;
        }
    }

    /// <summary>Every position: the held ones, then coin collateral (spot positions).</summary>
    public ImmutableArray<RiskPosition> Positions { get; }

    /// <summary>How many of <see cref="Positions"/> are held positions (the rest is coin collateral).</summary>
    public int HeldCount { get; }

    /// <summary>The base market.</summary>
    public BookMarket Market { get; }

    /// <summary>Per position: what is added to its value to give its contribution to equity, USD.</summary>
    public ImmutableArray<double> EquityOffsetsUsd { get; }

    /// <summary>Dollar collateral (USD, USDC, USDT), USD.</summary>
    public double DollarCollateralUsd { get; }

    /// <summary>The underlyings of the positions and coin collateral, sorted.</summary>
    public ImmutableArray<string> Underlyings { get; }

    /// <summary>Prepares a book.</summary>
    /// <param name="positions">Held positions then coin collateral.</param>
    /// <param name="heldCount">Number of held positions at the front.</param>
    /// <param name="market">Base market (every underlying, a vol per option).</param>
    /// <param name="equityOffsetsUsd">One per position.</param>
    /// <param name="dollarCollateralUsd">Dollar collateral, finite.</param>
    /// <returns>The book.</returns>
    /// <exception cref="ArgumentException">The counts do not match, or the market lacks something.</exception>
    public static MarginBook Of(IReadOnlyList<RiskPosition> positions, int heldCount, BookMarket market, IReadOnlyList<double> equityOffsetsUsd, double dollarCollateralUsd)
    {
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(market.Underlyings);
        ArgumentNullException.ThrowIfNull(market.LognormalVols);
        ArgumentNullException.ThrowIfNull(equityOffsetsUsd);
        if (equityOffsetsUsd.Count != positions.Count) throw new ArgumentException("Give one equity offset per position.", nameof(equityOffsetsUsd));
        ArgumentOutOfRangeException.ThrowIfNegative(heldCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(heldCount, positions.Count);
        for (int p = 0; p < positions.Count; p++) ArgumentNullException.ThrowIfNull(positions[p], $"{nameof(positions)}[{p}]");
        return new MarginBook([.. positions], heldCount, market, [.. equityOffsetsUsd], Guard.Finite(dollarCollateralUsd, nameof(dollarCollateralUsd)));
    }

    /// <summary>The spot of <paramref name="underlying"/> after the relative shift <paramref name="shift"/> gives it.</summary>
    public double Spot(string underlying, IReadOnlyDictionary<string, double> shift) =>
        Market.Underlyings[underlying].Spot * (1.0 + shift.GetValueOrDefault(underlying));

    /// <summary>Every position's value (quote currency, signed) at the shifted spots, optionally under a vol shock.</summary>
    /// <param name="shift">Relative spot shift per underlying (others unmoved), each &gt; −1.</param>
    /// <param name="shock">Vol shock, or null for none.</param>
    /// <param name="values">Output, one per position.</param>
    public void Value(IReadOnlyDictionary<string, double> shift, VolShock? shock, Span<double> values)
    {
        var scenario = new MarketScenario(0.0, shift.ToDictionary(s => s.Key, s => new UnderlyingShift(s.Value, 0.0), StringComparer.Ordinal));
        if (values.Length != Positions.Length) throw new ArgumentException("Give one output per position.", nameof(values));
        foreach (var u in Underlyings)
        {
            var indexes = IndexesOf(u);
            var row = new double[indexes.Length];
            SubBookOf(u).Value(scenario, shock, row);
            for (int k = 0; k < row.Length; k++) values[indexes[k]] = row[k];
        }
    }

    /// <summary>The indexes (in <see cref="Positions"/>) of the positions and coin collateral of <paramref name="underlying"/>.</summary>
    public ImmutableArray<int> IndexesOf(string underlying) => _indexes.GetValueOrDefault(underlying, []);

    /// <summary>The number of values <paramref name="grids"/> hold: Σ rows × positions of the grid's underlying.</summary>
    public long ValueCount(IReadOnlyList<UnderlyingGrid> grids)
    {
        ArgumentNullException.ThrowIfNull(grids);
        return grids.Sum(g => (long)g.SpotShifts.Count * IndexesOf(g.Underlying).Length);
    }

    /// <summary>
    /// The values of each grid's underlying's positions only (in <see cref="IndexesOf"/> order) under the grid's moves of
    /// that underlying, optionally under a vol shock: each sub-book's valuation per shock is built once and cached, so a
    /// grid that moves one underlying at a time does not revalue the others. Every grid is valued in one parallel loop
    /// over rows and parts of the sub-books; each position's value is the scenario engine's, so the result does not
    /// depend on the split or the number of threads (bit for bit).
    /// </summary>
    /// <param name="grids">The grids.</param>
    /// <param name="buffer">Where the values are written, at least <see cref="ValueCount"/> long (e.g. rented from a pool,
    /// as a grid of 10,000 positions holds megabytes), or null for new arrays; the results are views of it.</param>
    /// <returns>One per grid, in order.</returns>
    /// <exception cref="ArgumentException"><paramref name="buffer"/> is too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A spot shift is not finite and &gt; −1.</exception>
    public UnderlyingGridValues[] ValueUnderlyings(IReadOnlyList<UnderlyingGrid> grids, double[]? buffer = null)
    {
        ArgumentNullException.ThrowIfNull(grids);
        for (int g = 0; g < grids.Count; g++) ArgumentNullException.ThrowIfNull(grids[g], $"{nameof(grids)}[{g}]");
        long count = ValueCount(grids);
        buffer ??= new double[count];
        if (buffer.LongLength < count) throw new ArgumentException($"The buffer holds {buffer.LongLength} values, the grids {count}.", nameof(buffer));
        var loop = ScenarioValuation.Loop(-1, CancellationToken.None);
        // The sub-books and their shocked valuations the grids need, built on first use, in parallel.
        var needed = grids.Select(g => (g.Underlying, g.Shock)).Distinct().ToArray();
        Parallel.For(0, needed.Length, loop, i => SubBookOf(needed[i].Underlying).PartsOf(needed[i].Shock));
        var results = new UnderlyingGridValues[grids.Count];
        var pieces = new List<(ScenarioValuation Part, MarketScenario Scenario, int Offset)>();
        for (int g = 0, start = 0; g < grids.Count; g++)
        {
            var grid = grids[g];
            var parts = SubBookOf(grid.Underlying).PartsOf(grid.Shock);
            int n = IndexesOf(grid.Underlying).Length;
            results[g] = new UnderlyingGridValues(buffer, start, grid.SpotShifts.Count, n);
            for (int s = 0; s < grid.SpotShifts.Count; s++)
            {
                var scenario = new MarketScenario(0.0, new Dictionary<string, UnderlyingShift>(StringComparer.Ordinal)
                {
                    [grid.Underlying] = new(grid.SpotShifts[s], 0.0),
                });
                for (int k = 0; k < parts.Length; start += parts[k].PositionCount, k++) pieces.Add((parts[k], scenario, start));
            }
        }

        Parallel.For(0, pieces.Count, loop, i =>
        {
            var (part, scenario, offset) = pieces[i];
            part.Value(scenario, buffer.AsSpan(offset, part.PositionCount));
        });
        return results;
    }

    /// <summary>The account's equity at the shifted spots: dollar collateral + Σ (value + offset), USD.</summary>
    public double Equity(IReadOnlyDictionary<string, double> shift)
    {
        var values = new double[Positions.Length];
        Value(shift, null, values);
        double equity = DollarCollateralUsd;
        for (int p = 0; p < values.Length; p++) equity += values[p] + EquityOffsetsUsd[p];
        return equity;
    }

    /// <summary>
    /// The book's dollar delta D = ∂V/∂x and dollar gamma G = ∂²V/∂x² in <paramref name="underlying"/> (x its relative
    /// spot move) at the shifted market, by central differences of ±1 % on the scenario engine (positions and coin
    /// collateral of that underlying).
    /// </summary>
    public (double DollarDelta, double DollarGamma) DeltaGamma(string underlying, IReadOnlyDictionary<string, double> shift)
    {
        const double h = 0.01;
        double at = shift.GetValueOrDefault(underlying);
        double Total(double bump)
        {
            var values = new double[Positions.Length];
            var moved = new Dictionary<string, double>(shift, StringComparer.Ordinal) { [underlying] = (1.0 + at) * (1.0 + bump) - 1.0 };
            Value(moved, null, values);
            double sum = 0;
            for (int p = 0; p < values.Length; p++)
                if (Positions[p].Underlying == underlying) sum += values[p];
            return sum;
        }

        double up = Total(h), mid = Total(0.0), down = Total(-h);
        return ((up - down) / (2 * h), (up - 2 * mid + down) / (h * h));
    }

    /// <summary>Years to expiry of an option from the base valuation instant.</summary>
    public double TenorYears(OptionContract option) => option.TenorYears(Market.ValuationUtc);

    private UnderlyingSubBook SubBookOf(string underlying) =>
        _subBooks.GetOrAdd(underlying, u => new Lazy<UnderlyingSubBook>(() =>
        {
            var indexes = IndexesOf(u);
            return new UnderlyingSubBook([.. indexes.Select(p => Positions[p])], [.. indexes.Select(p => _lognormalVols[p])], Market);
        })).Value;
}
