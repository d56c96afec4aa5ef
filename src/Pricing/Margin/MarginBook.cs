using System.Collections.Concurrent;
using System.Collections.Immutable;
using Analytics.Pricing.Market;
using Analytics.Pricing.Risk;

namespace Analytics.Pricing.Margin;

/// <summary>
/// A book prepared for margining: its positions (the held ones first, then coin collateral as spot positions), the base
/// market, and the account's equity at any spot (dollar collateral + every position's value + each position's equity
/// offset, e.g. −Q·entry for a perpetual, whose equity is its unrealised P&amp;L Q·(S − entry)). Positions are revalued by
/// the shared scenario engine (<see cref="ScenarioValuation"/>), one valuation per vol shock, built on first use.
/// Thread-safe.
/// </summary>
public sealed class MarginBook
{
    private readonly ConcurrentDictionary<VolShock, ScenarioValuation> _shocked = new();
    private readonly ConcurrentDictionary<(string Underlying, IScenarioVolShock? Shock), ScenarioValuation> _perUnderlying = new();
    private readonly ScenarioValuation _base;

    private MarginBook(ImmutableArray<RiskPosition> positions, int heldCount, BookMarket market, ImmutableArray<double> equityOffsetsUsd, double dollarCollateralUsd)
    {
        Positions = positions;
        HeldCount = heldCount;
        Market = market;
        EquityOffsetsUsd = equityOffsetsUsd;
        DollarCollateralUsd = dollarCollateralUsd;
        Underlyings = [.. positions.Select(p => p.Underlying).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        _base = ScenarioValuation.Of(positions, market);
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
        ArgumentNullException.ThrowIfNull(equityOffsetsUsd);
        if (equityOffsetsUsd.Count != positions.Count) throw new ArgumentException("Give one equity offset per position.", nameof(equityOffsetsUsd));
        ArgumentOutOfRangeException.ThrowIfNegative(heldCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(heldCount, positions.Count);
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
        ValuationFor(shock).Value(scenario, values);
    }

    /// <summary>The indexes (in <see cref="Positions"/>) of the positions and coin collateral of <paramref name="underlying"/>.</summary>
    public ImmutableArray<int> IndexesOf(string underlying) =>
        [.. Enumerable.Range(0, Positions.Length).Where(p => Positions[p].Underlying == underlying)];

    /// <summary>
    /// The values of <paramref name="underlying"/>'s positions only (in <see cref="IndexesOf"/> order) under many moves of
    /// that underlying, optionally under a vol shock: the sub-book's valuation is built once and cached, so a grid that
    /// moves one underlying at a time does not revalue the others.
    /// </summary>
    /// <param name="underlying">The underlying moved.</param>
    /// <param name="spotShifts">Its relative spot shift per scenario, each &gt; −1.</param>
    /// <param name="shock">Vol shock (by tenor, or a skew shock by the base market's log-moneyness), or null for none.</param>
    /// <returns>Row s: scenario s's values of the sub-book.</returns>
    public ScenarioValues ValueUnderlying(string underlying, IReadOnlyList<double> spotShifts, IScenarioVolShock? shock)
    {
        ArgumentNullException.ThrowIfNull(spotShifts);
        var key = (underlying, shock is null || shock.IsNone ? null : shock);
        var valuation = _perUnderlying.GetOrAdd(key, k =>
        {
            var sub = IndexesOf(k.Underlying).Select(p => Positions[p]).ToArray();
            var market = k.Shock is null ? Market : Market with
            {
                LognormalVols = Market.LognormalVols.ToDictionary(v => v.Key, v => Shocked(k.Shock, v.Key, v.Value)),
            };
            return ScenarioValuation.Of(sub, market);
        });
        var scenarios = spotShifts.Select(x => new MarketScenario(0.0, new Dictionary<string, UnderlyingShift>(StringComparer.Ordinal)
        {
            [underlying] = new(x, 0.0),
        })).ToArray();
        return valuation.Value(scenarios);
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

    private ScenarioValuation ValuationFor(VolShock? shock) =>
        shock is null || shock.Size == 0.0 ? _base : _shocked.GetOrAdd(shock, s => ScenarioValuation.Of(Positions, Market with
        {
            LognormalVols = Market.LognormalVols.ToDictionary(v => v.Key, v => Shocked(s, v.Key, v.Value)),
        }));

    /// <summary>
    /// The shocked vol, floored at a tiny positive number (the engine needs σ &gt; 0; the floor prices at the zero-vol limit
    /// within rounding); the log-moneyness is ln(K / F) with F = S·e^{bT} of the base market.
    /// </summary>
    private double Shocked(IScenarioVolShock shock, OptionContract option, double vol)
    {
        double tenor = TenorYears(option);
        var market = Market.Underlyings[option.Underlying];
        double logMoneyness = Math.Log(option.Strike / (market.Spot * Math.Exp(market.CostOfCarry * Math.Max(tenor, 0.0))));
        return Math.Max(shock.Apply(vol, tenor, logMoneyness), 1e-8);
    }
}
