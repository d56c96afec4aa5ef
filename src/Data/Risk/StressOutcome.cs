using System.Collections.Immutable;
using Analytics.Data.Market;

namespace Analytics.Data.Risk;

/// <summary>A stress run, or the market data it lacked.</summary>
/// <param name="Results">One per scenario, in request order; empty when something was missing.</param>
/// <param name="Inputs">What the run used; null when something was missing.</param>
/// <param name="Missing">What was missing.</param>
public sealed record StressOutcome(ImmutableArray<StressScenarioResult> Results, RiskInputs? Inputs, ImmutableArray<MissingMarketData> Missing);
