namespace Analytics.Pricing.Surfaces;

/// <summary>
/// The arbitrage repairs of one raw SVI slice and whether they kept to the quotes (issue 13 item 4): the butterfly repair
/// (<see cref="RawSviCalibrator"/>) and the calendar repair (<see cref="SviCalendarRepair"/>) may not move a fitted vol at a
/// two-sided quote outside [σ_bid − h, σ_ask + h], h = (σ_ask − σ_bid)/2, by more than the unrepaired fit already was.
/// </summary>
/// <param name="Butterfly">Outcome of the butterfly repair.</param>
/// <param name="Calendar">Outcome of the calendar repair.</param>
/// <param name="MaximumExcessVolPoints">
/// Largest amount, in vol points, by which a repair pushed a fitted vol further outside a quote's band (0 when none did).
/// </param>
/// <param name="LogMoneynessAtMaximumExcess">k of that quote; NaN when none.</param>
public sealed record SliceRepair(
    RepairOutcome Butterfly,
    RepairOutcome Calendar,
    double MaximumExcessVolPoints,
    double LogMoneynessAtMaximumExcess)
{
    /// <summary>Neither repair was needed.</summary>
    public static SliceRepair None { get; } = new(RepairOutcome.NotNeeded, RepairOutcome.NotNeeded, 0.0, double.NaN);

    /// <summary>Whether a repair broke the quote bound or left arbitrage: the slice is not fit for pricing as it stands.</summary>
    public bool IsFailing => Butterfly is RepairOutcome.OutsideQuoteBound or RepairOutcome.Unresolved
        || Calendar is RepairOutcome.OutsideQuoteBound or RepairOutcome.Unresolved;

    /// <summary>Invariant text saying what was repaired and, for a failing slice, why it fails.</summary>
    public string Reason => FormattableString.Invariant(
        $"butterfly: {Describe(Butterfly)}; calendar: {Describe(Calendar)}") + (MaximumExcessVolPoints > 0.0
        ? FormattableString.Invariant(
            $"; a repair moved the fitted vol {MaximumExcessVolPoints:F2} vol points further outside the quote's bid/ask ± half-width at k = {LogMoneynessAtMaximumExcess:F4}")
        : string.Empty);

    private static string Describe(RepairOutcome outcome) => outcome switch
    {
        RepairOutcome.NotNeeded => "not needed",
        RepairOutcome.Repaired => "repaired within the quotes",
        RepairOutcome.OutsideQuoteBound => "failing, the repair would leave the quotes",
        _ => "failing, arbitrage remains",
    };
}
