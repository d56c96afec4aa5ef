using System.Collections.Immutable;

namespace Analytics.Pricing.Risk.Var;

/// <summary>
/// Value at risk and expected shortfall of a book at one confidence and horizon, as positive loss figures in the quote
/// currency, with per-position contributions that sum to them.
/// </summary>
/// <param name="Confidence">c in (0.5, 1).</param>
/// <param name="ValueAtRisk">VaR_c: the loss not exceeded with probability c (positive = a loss).</param>
/// <param name="ExpectedShortfall">ES_c: the mean loss beyond VaR_c, ≥ <paramref name="ValueAtRisk"/> up to estimation.</param>
/// <param name="VarContributions">Per position, in book order; they sum to <paramref name="ValueAtRisk"/>.</param>
/// <param name="ShortfallContributions">Per position, in book order; they sum to <paramref name="ExpectedShortfall"/>.</param>
/// <param name="ContributionMethod">How the contributions were estimated, in words.</param>
public sealed record VarEstimate(
    double Confidence,
    double ValueAtRisk,
    double ExpectedShortfall,
    ImmutableArray<double> VarContributions,
    ImmutableArray<double> ShortfallContributions,
    string ContributionMethod);
