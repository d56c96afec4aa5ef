using System.Collections.Immutable;

namespace Analytics.Data.Risk;

/// <summary>One stress scenario's outcome.</summary>
/// <param name="Name">The scenario.</param>
/// <param name="Moves">The moves applied per underlying, with their sources.</param>
/// <param name="Loss">The book's loss, USD (positive = a loss), positions and collateral together.</param>
/// <param name="PositionLosses">Per position, in book order, USD.</param>
/// <param name="CollateralLoss">The coin collateral's loss, USD (dollar collateral does not move).</param>
public sealed record StressScenarioResult(
    string Name, ImmutableSortedDictionary<string, StressMove> Moves, double Loss, ImmutableArray<double> PositionLosses, double CollateralLoss);
