using System.ComponentModel;

namespace Analytics.Api.Contracts.Risk;

/// <summary>The carry a risk run used for one underlying.</summary>
public sealed record CarryUsedResponse(
    [property: Description("`funding`, `rates` or `explicit`; a funding carry that fell back to rates says `rates` and why in `note`.")] string Source,
    [property: Description("Cost of carry b, annualised decimal (F = S·e^{bT}).")] double CostOfCarry,
    [property: Description("Discount rate r, annualised decimal.")] double Rate,
    [property: Description("Funding: the perp's venue (also when it fell back); else null.")] string? Venue,
    [property: Description("Funding: the perp market; else null.")] string? Market,
    [property: Description("Funding: start of the look-back window (exclusive), UTC.")] DateTimeOffset? WindowFrom,
    [property: Description("Funding: end of the window (the valuation instant), UTC.")] DateTimeOffset? WindowTo,
    [property: Description("How b was reached, in words.")] string Note);
