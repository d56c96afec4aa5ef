using System.ComponentModel;

namespace Analytics.Api.Contracts.Risk;

/// <summary>One scenario's losses.</summary>
public sealed record StressScenarioResultResponse(
    [property: Description("The scenario.")] string Name,
    [property: Description("The moves applied, per underlying.")] IReadOnlyDictionary<string, StressMoveResponse> Moves,
    [property: Description("The book's loss, USD (positive = a loss; negative = a gain): positions and collateral together.")] double Loss,
    [property: Description("Loss per position, in portfolio order, USD.")] IReadOnlyList<double> PositionLosses,
    [property: Description("Loss on coin collateral, USD (dollar collateral does not move).")] double CollateralLoss);
