using System.ComponentModel;

namespace Analytics.Api.Contracts.Risk;

/// <summary>One bucket of a vol move by log-moneyness.</summary>
public sealed record VolBucketResponse(
    [property: Description("Upper bound of log-moneyness k = ln(K/F), inclusive; null for the last, open bucket.")] double? MaxLogMoneyness,
    [property: Description("Absolute vol shift of options in the bucket.")] double Shift);
