using System.Collections.Immutable;

namespace Analytics.Pricing.Margin;

/// <summary>A book's margin under one model at one market (before any chain add-on).</summary>
/// <param name="InitialMarginUsd">Initial margin, USD.</param>
/// <param name="MaintenanceMarginUsd">Maintenance margin, USD.</param>
/// <param name="Positions">Per held position, in book order.</param>
/// <param name="WorstScenarios">Portfolio models: the worst scenario of each underlying; empty for standard models.</param>
public sealed record MarginResult(
    double InitialMarginUsd, double MaintenanceMarginUsd, ImmutableArray<PositionMargin> Positions, ImmutableArray<WorstMarginScenario> WorstScenarios);

/// <summary>One position's margin figures.</summary>
/// <param name="ValueUsd">The position's value (signed), USD.</param>
/// <param name="InitialMarginUsd">Standard models: its initial margin; portfolio models: null.</param>
/// <param name="MaintenanceMarginUsd">Standard models: its maintenance margin; portfolio models: null.</param>
/// <param name="WorstScenarioLossUsd">Portfolio models: its loss in its underlying's worst scenario; standard models: null.</param>
public sealed record PositionMargin(double ValueUsd, double? InitialMarginUsd, double? MaintenanceMarginUsd, double? WorstScenarioLossUsd);

/// <summary>The worst scenario of one underlying in a portfolio-margin grid.</summary>
/// <param name="Underlying">The underlying.</param>
/// <param name="SpotMove">Relative spot move.</param>
/// <param name="VolShock">Name of the vol shock.</param>
/// <param name="Extended">Whether it is an extended-table scenario (its loss then counted at the dampener's fraction).</param>
/// <param name="LossUsd">The loss that counts (after the dampener), USD, ≥ 0.</param>
public sealed record WorstMarginScenario(string Underlying, double SpotMove, string VolShock, bool Extended, double LossUsd);
