using System.Globalization;
using Analytics.Data.Risk;
using Analytics.Pricing.Margin;
using Analytics.Pricing.Risk;

namespace Analytics.Api.Endpoints.Costs;

/// <summary>
/// CPU estimates of the risk endpoints (<c>/risk/var</c>, <c>/risk/stress</c>, <c>/risk/margin</c>, <c>/margin/compare</c>,
/// <c>/margin/backtest</c>), from the request's size once its book is resolved and before any market data is read:
/// positions × scenarios × each position's revaluation (<see cref="UnitCosts"/>), plus the per-position and per-scenario work
/// around it.
/// </summary>
internal static class RiskCosts
{
    /// <summary>VaR: Monte Carlo paths, days of history, or the parametric methods' spot bumps, × the book's positions.</summary>
    public static CpuEstimate Var(RiskBook book, VarSpecification spec, string method)
    {
        var positions = book.WithCoinCollateral();
        bool sticky = spec.VolModel == VolModel.StickyMoneyness;
        double perScenario = UnitCosts.VarScenario + positions.Sum(p => UnitCosts.Revaluation(p, sticky));
        var (scenarios, what) = spec.Method switch
        {
            VarMethod.MonteCarlo => (spec.Paths, "paths"),
            VarMethod.Historical => (spec.LookbackDays, "days of look-back"),
            _ => (4 * book.Underlyings().Length + 1, "spot bumps"),
        };
        return CpuEstimate.FromMicroseconds(positions.Length * UnitCosts.RiskPosition + (double)scenarios * perScenario,
            Describe($"{method}: {scenarios:N0} {what} × {positions.Length:N0} positions", positions));
    }

    /// <summary>Stress: scenarios × positions, each loss reported.</summary>
    public static CpuEstimate Stress(RiskBook book, int scenarios)
    {
        var positions = book.WithCoinCollateral();
        double perScenario = positions.Sum(p => UnitCosts.StressCell + UnitCosts.Revaluation(p));
        return CpuEstimate.FromMicroseconds(positions.Length * UnitCosts.RiskPosition + scenarios * perScenario,
            Describe($"stress: {scenarios:N0} scenarios × {positions.Length:N0} positions", positions));
    }

    /// <summary>One model's margin on one chain, with the liquidation prices.</summary>
    public static CpuEstimate Margin(RiskBook book, MarginModel model)
    {
        var positions = book.WithCoinCollateral();
        double us = positions.Length * (UnitCosts.RiskPosition + PerPosition(model)) + AddOn(positions);
        return CpuEstimate.FromMicroseconds(us, Describe($"margin: model {model.Id} ({GridPoints(model)} scenarios) × {positions.Length:N0} positions", positions));
    }

    /// <summary>Every model (once) × every chain (its add-on).</summary>
    public static CpuEstimate Compare(RiskBook book, IReadOnlyCollection<MarginModel> models, int chains)
    {
        var positions = book.WithCoinCollateral();
        double us = positions.Length * (UnitCosts.RiskPosition + models.Sum(PerPosition)) + (double)models.Count * chains * AddOn(positions);
        return CpuEstimate.FromMicroseconds(us,
            Describe($"margin compare: {models.Count} models × {chains} chains × {positions.Length:N0} positions", positions));
    }

    /// <summary>Every model × chain revalues the book in every window of the history (at most one a day from <c>from</c> to <c>asOf</c>).</summary>
    public static CpuEstimate Backtest(RiskBook book, IReadOnlyCollection<MarginModel> models, int chains, int windows)
    {
        var positions = book.WithCoinCollateral();
        double perWindow = UnitCosts.MarginWindow + positions.Sum(p => UnitCosts.Revaluation(p));
        double pairs = (double)models.Count * chains;
        double us = positions.Length * (UnitCosts.RiskPosition + models.Sum(PerPosition)) + pairs * AddOn(positions) + pairs * windows * perWindow;
        return CpuEstimate.FromMicroseconds(us,
            Describe($"margin backtest: {models.Count} models × {chains} chains × {windows:N0} days × {positions.Length:N0} positions", positions));
    }

    /// <summary>
    /// Reproducing a stored report: what its sections took when it was computed (its stored timings, wall time: Monte Carlo
    /// on both cores may use up to twice that in CPU, reads of stored data less), the one measurement there is of that book.
    /// </summary>
    public static CpuEstimate Reproduce(long reportId, IReadOnlyDictionary<string, double> timingsMs)
    {
        double ms = timingsMs.Values.Where(double.IsFinite).Sum();
        return new CpuEstimate(ms, string.Create(CultureInfo.InvariantCulture,
            $"report {reportId} took {ms:N0} ms to compute ({string.Join(", ", timingsMs.Select(t => $"{t.Key} {t.Value:N0}"))})"));
    }

    /// <summary>A backtest over a stored portfolio's runs: per day its run and market read and the book revalued twice (the run's market and the next day's).</summary>
    public static CpuEstimate StoredBacktest(RiskBook book, int days)
    {
        var positions = book.WithCoinCollateral();
        double perDay = UnitCosts.StoredBacktestDay + 2 * positions.Sum(p => UnitCosts.Revaluation(p));
        return CpuEstimate.FromMicroseconds(days * perDay, Describe($"VaR backtest: {days:N0} days × {positions.Length:N0} positions", positions));
    }

    /// <summary>Grid points of a portfolio model (spot moves × vol shocks + extended moves); 1 for a rule-based model.</summary>
    private static int GridPoints(MarginModel model) => model is PortfolioMarginModel p
        ? p.SpotMoves.Length * p.VolShocks.Length + p.ExtendedMoves.Length
        : 1;

    private static double PerPosition(MarginModel model) => model is PortfolioMarginModel
        ? UnitCosts.PortfolioMarginPosition + UnitCosts.PortfolioMarginGridPoint * GridPoints(model)
        : UnitCosts.StandardMarginPosition;

    /// <summary>One chain's liquidation-latency add-on: the book's delta and gamma by spot bumps.</summary>
    private static double AddOn(IEnumerable<RiskPosition> positions) => UnitCosts.AddOnRevaluations * positions.Sum(p => UnitCosts.Revaluation(p));

    private static string Describe(FormattableString work, IReadOnlyCollection<RiskPosition> positions)
    {
        int american = positions.Count(p => p.Option is { Style: Analytics.Pricing.Engines.OptionExerciseStyle.American });
        int options = positions.Count(p => p.Option is not null);
        return work.ToString(CultureInfo.InvariantCulture) + string.Create(CultureInfo.InvariantCulture,
            $" ({options - american:N0} European and {american:N0} American options, {positions.Count - options:N0} linear)");
    }
}
