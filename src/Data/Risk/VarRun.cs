using System.Collections.Immutable;
using Analytics.Pricing.Risk.Var;

namespace Analytics.Data.Risk;

/// <summary>The result of a VaR run and everything it rested on.</summary>
/// <param name="Specification">What was computed.</param>
/// <param name="AsOfUtc">The valuation instant.</param>
/// <param name="Estimate">VaR, ES and contributions (per position in book order, then coin collateral).</param>
/// <param name="StandardError">Monte Carlo: standard errors of VaR and ES (batch means); null otherwise.</param>
/// <param name="ProfitAndLoss">Scenario P&amp;L (simulation methods), in scenario order; empty for the parametric ones.</param>
/// <param name="ScenarioLabels">A label per scenario (the return's end date, or the path number).</param>
/// <param name="Inputs">Prices, surfaces and returns used.</param>
/// <param name="Moments">Delta-gamma: the P&amp;L cumulants; null otherwise.</param>
/// <param name="ScalingNote">How the horizon was reached, in words.</param>
public sealed record VarRun(
    VarSpecification Specification,
    DateTimeOffset AsOfUtc,
    VarEstimate Estimate,
    (double ValueAtRisk, double ExpectedShortfall)? StandardError,
    ImmutableArray<double> ProfitAndLoss,
    ImmutableArray<string> ScenarioLabels,
    RiskInputs Inputs,
    DeltaGammaMoments? Moments,
    string ScalingNote);
