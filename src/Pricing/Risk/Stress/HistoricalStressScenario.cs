using System.Collections.Immutable;

namespace Analytics.Pricing.Risk.Stress;

/// <summary>
/// A named historical market shock: the spot move of each underlying from the close of <see cref="FromClose"/> to the
/// close of <see cref="ToClose"/> (computed from the indexed daily history when it covers both days, else the reference
/// moves below), with an absolute vol shift per underlying.
/// </summary>
/// <param name="Name">Identifier, e.g. <c>ftx-2022-11</c>.</param>
/// <param name="Description">What happened, in a sentence.</param>
/// <param name="FromClose">The last close before the shock (UTC day).</param>
/// <param name="ToClose">The close at the end of the shock (UTC day).</param>
/// <param name="ReferenceSpotMoves">Relative spot moves per underlying over the window from the cited source, used when the indexed history lacks a day.</param>
/// <param name="ReferenceSource">Where <paramref name="ReferenceSpotMoves"/> come from.</param>
/// <param name="VolShifts">Absolute vol shift per underlying (0.30 = +30 vol points); <see cref="DefaultVolShift"/> for others.</param>
/// <param name="DefaultVolShift">Vol shift of an underlying not in <paramref name="VolShifts"/>.</param>
/// <param name="VolSource">Why these vol shifts.</param>
public sealed record HistoricalStressScenario(
    string Name,
    string Description,
    DateOnly FromClose,
    DateOnly ToClose,
    ImmutableSortedDictionary<string, double> ReferenceSpotMoves,
    string ReferenceSource,
    ImmutableSortedDictionary<string, double> VolShifts,
    double DefaultVolShift,
    string VolSource)
{
    /// <summary>The vol shift of <paramref name="underlying"/>.</summary>
    public double VolShiftOf(string underlying) => VolShifts.TryGetValue(underlying, out double v) ? v : DefaultVolShift;
}
