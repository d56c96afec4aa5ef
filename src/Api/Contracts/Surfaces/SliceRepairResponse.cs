using System.ComponentModel;

namespace Analytics.Api.Contracts.Surfaces;

/// <summary>What the arbitrage repairs did to a raw SVI slice.</summary>
public sealed record SliceRepairResponse(
    [property: Description("`not-needed`, `repaired` (within the quotes), `outside-quote-bound` (failing: the repair would move a fitted vol outside a quote's bid/ask by more than its half-width) or `unresolved` (failing: arbitrage remains).")] string Butterfly,
    [property: Description("The calendar repair's outcome, same values.")] string Calendar,
    [property: Description("Largest move of a fitted vol further outside a quote's bid/ask ± half-width by a repair, vol points (0 when none).")] double MaximumExcessVolPoints,
    [property: Description("k of that quote; null when none.")] double? LogMoneynessAtMaximumExcess,
    [property: Description("True when a repair broke the quote bound or left arbitrage: the slice is reported as failing, not silently bent.")] bool Failing,
    [property: Description("The same in words.")] string Reason);
