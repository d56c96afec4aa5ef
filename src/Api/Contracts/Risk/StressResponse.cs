using System.ComponentModel;

namespace Analytics.Api.Contracts.Risk;

/// <summary>A stress test's results.</summary>
public sealed record StressResponse(
    [property: Description("The valuation instant, UTC.")] DateTimeOffset AsOf,
    [property: Description("One per scenario, in request order.")] IReadOnlyList<StressScenarioResultResponse> Scenarios,
    [property: Description("What the run used (no return history).")] RiskInputsResponse Inputs);
