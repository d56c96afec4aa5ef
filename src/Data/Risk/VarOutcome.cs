using System.Collections.Immutable;
using Analytics.Data.Market;

namespace Analytics.Data.Risk;

/// <summary>A VaR run, or the market data it lacked (never a silent default).</summary>
/// <param name="Run">The run; null when something was missing.</param>
/// <param name="Missing">What was missing, per underlying.</param>
public sealed record VarOutcome(VarRun? Run, ImmutableArray<MissingMarketData> Missing);
