using System.Collections.Immutable;
using Analytics.Pricing.Risk;

namespace Analytics.Data.Portfolios;

/// <summary>
/// What a portfolio holds: its name, positions (options, perpetuals, spot) and collateral, the input the risk engine
/// values. Immutable; equal when the name and both lists are equal item by item, in order.
/// </summary>
public sealed record PortfolioDefinition
{
    /// <summary>Creates a definition.</summary>
    /// <param name="name">Display name, not blank.</param>
    /// <param name="positions">The positions, in the order given.</param>
    /// <param name="collateral">The collateral holdings, in the order given.</param>
    public PortfolioDefinition(string name, IEnumerable<PortfolioPosition> positions, IEnumerable<CollateralHolding> collateral)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(collateral);
        Name = name;
        Positions = [.. positions];
        Collateral = [.. collateral];
        if (Positions.Any(p => p is null)) throw new ArgumentException("A position is null.", nameof(positions));
        if (Collateral.Any(c => c is null)) throw new ArgumentException("A collateral holding is null.", nameof(collateral));
    }

    /// <summary>Display name.</summary>
    public string Name { get; }

    /// <summary>The positions, in the order given.</summary>
    public ImmutableArray<PortfolioPosition> Positions { get; }

    /// <summary>The collateral holdings, in the order given.</summary>
    public ImmutableArray<CollateralHolding> Collateral { get; }

    /// <summary>Every position as the scenario engine's <see cref="RiskPosition"/> (<see cref="PortfolioPosition.ToRiskPosition"/>), in order.</summary>
    /// <returns>One risk position per position.</returns>
    public ImmutableArray<RiskPosition> ToRiskPositions() => [.. Positions.Select(p => p.ToRiskPosition())];

    /// <inheritdoc />
    public bool Equals(PortfolioDefinition? other) =>
        other is not null && Name == other.Name && Positions.SequenceEqual(other.Positions) && Collateral.SequenceEqual(other.Collateral);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Positions.Length, Collateral.Length);
}
