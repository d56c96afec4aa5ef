using System.Collections.Immutable;

namespace Analytics.Pricing.Margin;

/// <summary>A book's margin under one model at one market (before any chain add-on).</summary>
/// <param name="InitialMarginUsd">Initial margin, USD.</param>
/// <param name="MaintenanceMarginUsd">Maintenance margin, USD.</param>
/// <param name="Positions">Per held position, in book order.</param>
/// <param name="WorstScenarios">Portfolio models: the worst scenario of each underlying; empty for standard models.</param>
public sealed record MarginResult(
    double InitialMarginUsd, double MaintenanceMarginUsd, ImmutableArray<PositionMargin> Positions, ImmutableArray<WorstMarginScenario> WorstScenarios)
{
    /// <summary>Portfolio models with contingencies: each underlying's; empty otherwise.</summary>
    public ImmutableArray<UnderlyingContingency> Contingencies { get; init; } = [];
}

/// <summary>One underlying's contingency margin under a portfolio model (<see cref="PortfolioContingency"/>).</summary>
/// <param name="Underlying">The underlying.</param>
/// <param name="MaintenanceUsd">Added to maintenance margin (and to initial margin), USD.</param>
/// <param name="InitialExtraUsd">Added to initial margin on top, USD.</param>
public sealed record UnderlyingContingency(string Underlying, double MaintenanceUsd, double InitialExtraUsd);

/// <summary>One position's margin figures.</summary>
/// <param name="ValueUsd">The position's value (signed), USD.</param>
/// <param name="InitialMarginUsd">Standard models: its initial margin; portfolio models: null.</param>
/// <param name="MaintenanceMarginUsd">Standard models: its maintenance margin; portfolio models: null.</param>
/// <param name="WorstScenarioLossUsd">Portfolio models: its loss in its underlying's worst scenario; standard models: null.</param>
public sealed record PositionMargin(double ValueUsd, double? InitialMarginUsd, double? MaintenanceMarginUsd, double? WorstScenarioLossUsd);

/// <summary>The worst scenario of one underlying in a portfolio-margin grid.</summary>
/// <param name="Underlying">The underlying.</param>
/// <param name="SpotMove">Relative spot move.</param>
/// <param name="VolShock">Name of the vol shock (a skew shock's name, or <c>basis</c> for the basis contingency: each
/// expiry at the worse of its two moves, <see cref="SpotMove"/> the one that lost more in total).</param>
/// <param name="Extended">Whether it is an extended-table scenario (its loss then counted at its dampening fraction).</param>
/// <param name="LossUsd">The loss that counts (after the dampener), USD, ≥ 0; maintenance margin scales it by the model's loss factor.</param>
public sealed record WorstMarginScenario(string Underlying, double SpotMove, string VolShock, bool Extended, double LossUsd);
