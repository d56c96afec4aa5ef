using System.Collections.Concurrent;
using Analytics.Pricing.Market;
using Analytics.Pricing.Risk;

namespace Analytics.Pricing.Margin;

/// <summary>
/// One underlying's positions of a <see cref="MarginBook"/> for its portfolio-margin grids: split into parts of at most
/// <see cref="PartPositions"/> consecutive positions, each part valued apart on the scenario engine, with one valuation per
/// vol shock built on first use from the base vols (no dictionary of contracts). Thread-safe.
/// </summary>
internal sealed class UnderlyingSubBook
{
    /// <summary>
    /// Positions per part: a grid is valued in (row, part) pieces over the cores, so that the rows whose deep
    /// out-of-the-money options take the pricer's slow series (the extended moves) spread evenly (bench/RESULTS.md).
    /// </summary>
    internal const int PartPositions = 1024;

    private readonly ConcurrentDictionary<IScenarioVolShock, Lazy<ScenarioValuation[]>> _shocked = new();
    private readonly RiskPosition[] _positions;
    private readonly double[] _lognormalVols;
    private readonly int[] _bounds;

    /// <param name="positions">The underlying's positions, in book order.</param>
    /// <param name="lognormalVols">Their base vols (0 for positions that are not options).</param>
    /// <param name="market">The base market.</param>
    public UnderlyingSubBook(RiskPosition[] positions, double[] lognormalVols, BookMarket market)
    {
        (_positions, _lognormalVols, Market) = (positions, lognormalVols, market);
        int count = (positions.Length + PartPositions - 1) / PartPositions;
        _bounds = [.. Enumerable.Range(0, count + 1).Select(part => count == 0 ? 0 : (int)((long)positions.Length * part / count))];
        Base = [.. Enumerable.Range(0, count).Select(part => ScenarioValuation.Of(Slice(positions, part), market, Slice(lognormalVols, part)))];
    }

    /// <summary>The base market.</summary>
    public BookMarket Market { get; }

    /// <summary>The parts' valuations at the base vols.</summary>
    public ScenarioValuation[] Base { get; }

    /// <summary>The parts' valuations under <paramref name="shock"/> (the base ones for none).</summary>
    public ScenarioValuation[] PartsOf(IScenarioVolShock? shock) =>
        shock is null || shock.IsNone ? Base : _shocked.GetOrAdd(shock, s => new Lazy<ScenarioValuation[]>(() => Shocked(s))).Value;

    /// <summary>Values every position under <paramref name="scenario"/> and <paramref name="shock"/>, part by part.</summary>
    /// <param name="scenario">The market move.</param>
    /// <param name="shock">Vol shock, or null for none.</param>
    /// <param name="values">Output, one per position.</param>
    public void Value(MarketScenario scenario, IScenarioVolShock? shock, Span<double> values)
    {
        var parts = PartsOf(shock);
        for (int part = 0; part < parts.Length; part++) parts[part].Value(scenario, values[_bounds[part].._bounds[part + 1]]);
    }

    /// <summary>
    /// An option's shocked vol, floored at a tiny positive number (the engine needs σ &gt; 0; the floor prices at the
    /// zero-vol limit within rounding); the tenor is from the base valuation instant and the log-moneyness is ln(K / F)
    /// with F = S·e^{bT} of the base market.
    /// </summary>
    public static double ShockedVol(IScenarioVolShock shock, OptionContract option, double vol, BookMarket market)
    {
        double tenor = option.TenorYears(market.ValuationUtc);
        var underlying = market.Underlyings[option.Underlying];
        double logMoneyness = Math.Log(option.Strike / (underlying.Spot * Math.Exp(underlying.CostOfCarry * Math.Max(tenor, 0.0))));
        return Math.Max(shock.Apply(vol, tenor, logMoneyness), 1e-8);
    }

    private ScenarioValuation[] Shocked(IScenarioVolShock shock)
    {
        var vols = new double[_positions.Length];
        for (int k = 0; k < vols.Length; k++)
        {
            if (_positions[k].Option is { } option) vols[k] = ShockedVol(shock, option, _lognormalVols[k], Market);
        }

        return [.. Base.Select((part, i) => part.WithLognormalVols(Slice(vols, i)))];
    }

    private ArraySegment<T> Slice<T>(T[] array, int part) => new(array, _bounds[part], _bounds[part + 1] - _bounds[part]);
}
