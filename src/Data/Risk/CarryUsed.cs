namespace Analytics.Data.Risk;

/// <summary>The carry a risk run used for one underlying, and where it came from.</summary>
/// <param name="Source">What b is: <c>funding</c>, <c>rates</c> or <c>explicit</c> (a funding carry that fell back is <c>rates</c>).</param>
/// <param name="CostOfCarry">b, annualised decimal (F = S·e^{bT}).</param>
/// <param name="Rate">Discount rate r, annualised decimal.</param>
/// <param name="Venue">Funding: the perp's venue.</param>
/// <param name="Market">Funding: the perp market.</param>
/// <param name="WindowFromUtc">Funding: start of the look-back window (exclusive).</param>
/// <param name="WindowToUtc">Funding: end of the window, the valuation instant.</param>
/// <param name="Note">How b was reached, in words; says so when a funding carry fell back to rates and why.</param>
public sealed record CarryUsed(
    string Source, double CostOfCarry, double Rate, string? Venue, string? Market, DateTimeOffset? WindowFromUtc, DateTimeOffset? WindowToUtc, string Note);
