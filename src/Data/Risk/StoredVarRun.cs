using System.Collections.Immutable;

namespace Analytics.Data.Risk;

/// <summary>A VaR run as stored and read back (<see cref="VarRunStore"/>).</summary>
/// <param name="Id">Run id.</param>
/// <param name="Run">The run.</param>
/// <param name="PortfolioId">The stored portfolio valued; null for inline positions.</param>
/// <param name="PortfolioVersion">Its version; null for inline positions.</param>
/// <param name="ContributionLabels">A label per contribution (positions in book order, then coin collateral).</param>
/// <param name="HeldPositions">How many contributions are the book's positions (the rest are coin collateral).</param>
/// <param name="CreatedUtc">When it was stored.</param>
public sealed record StoredVarRun(
    string Id, VarRun Run, long? PortfolioId, int? PortfolioVersion, ImmutableArray<string> ContributionLabels, int HeldPositions, DateTimeOffset CreatedUtc);
