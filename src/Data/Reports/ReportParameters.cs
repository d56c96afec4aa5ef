using System.Collections.Immutable;
using Analytics.Data.Risk;

namespace Analytics.Data.Reports;

/// <summary>
/// What a risk report computes (the <c>risk-report</c> job's arguments, stored with every report so it can be reproduced).
/// Validated by <see cref="ReportArguments.Parse"/>.
/// </summary>
/// <param name="Methods">VaR methods, in report order (API ids: <c>historical</c>, <c>parametric</c>, <c>delta-gamma</c>, <c>monte-carlo</c>).</param>
/// <param name="Confidence">VaR confidence c in (0.5, 1).</param>
/// <param name="HorizonDays">VaR horizon, days.</param>
/// <param name="LookbackDays">Calendar days of daily returns.</param>
/// <param name="Paths">Monte Carlo paths (even).</param>
/// <param name="Seed">Monte Carlo seed.</param>
/// <param name="MonteCarloBlocks">Monte Carlo blocks of paths, each with its own seed derived from <paramref name="Seed"/> (1 = one block).</param>
/// <param name="SplitMonteCarlo">Whether each block runs as its own job (combined when all are done); the figures do not depend on it.</param>
/// <param name="MarginModels">Margin model ids; empty = every configured model.</param>
/// <param name="Chains">Chain ids; empty = every configured chain.</param>
/// <param name="StressScenarios">Named stress scenarios; empty = the whole catalogue.</param>
/// <param name="BacktestDays">Days of stored VaR history before the as-of day that the backtest tests.</param>
public sealed record ReportParameters(
    ImmutableArray<string> Methods,
    double Confidence = 0.99,
    int HorizonDays = 1,
    int LookbackDays = 365,
    int Paths = 10_000,
    int Seed = 1,
    int MonteCarloBlocks = 1,
    bool SplitMonteCarlo = false,
    ImmutableArray<string> MarginModels = default,
    ImmutableArray<string> Chains = default,
    ImmutableArray<string> StressScenarios = default,
    int BacktestDays = 90)
{
    /// <summary>The same parameters with absent lists as empty ones (what is stored and compared).</summary>
    public ReportParameters Normalized() => this with
    {
        Methods = Methods.IsDefault ? [] : Methods,
        MarginModels = MarginModels.IsDefault ? [] : MarginModels,
        Chains = Chains.IsDefault ? [] : Chains,
        StressScenarios = StressScenarios.IsDefault ? [] : StressScenarios,
    };

    /// <summary>The VaR specification of method <paramref name="method"/>.</summary>
    public VarSpecification Specification(VarMethod method) =>
        new(method, Confidence, HorizonDays, LookbackDays, HorizonScaling.Overlapping, CovarianceEstimator.Sample, 0.94, Paths, Seed);
}
