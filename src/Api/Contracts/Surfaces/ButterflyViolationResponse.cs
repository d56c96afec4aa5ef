using System.ComponentModel;

namespace Analytics.Api.Contracts.Surfaces;

/// <summary>An interval of log-moneyness with negative density.</summary>
public sealed record ButterflyViolationResponse(
    [property: Description("First k of the interval.")] double FromLogMoneyness,
    [property: Description("Last k of the interval.")] double ToLogMoneyness,
    [property: Description("Smallest g on the interval.")] double MinimumG,
    [property: Description("k of that minimum.")] double LogMoneynessAtMinimum);
