using System.Collections.Immutable;
using Analytics.Pricing.Risk;

namespace Analytics.Data.Risk;

/// <summary>A stress scenario to run: a named historical one (moves resolved from the history) or user-defined moves.</summary>
/// <param name="Name">The scenario's name.</param>
/// <param name="Moves">User-defined moves per underlying (upper case; vol flat or by log-moneyness bucket); null for a named historical scenario.</param>
public sealed record StressScenarioDefinition(string Name, ImmutableSortedDictionary<string, UnderlyingShift>? Moves);
