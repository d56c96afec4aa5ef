namespace Analytics.Data.Market;

/// <summary>The funding carry of one perp over a look-back window, or why there is none.</summary>
/// <param name="RateAnnualised">Annualised time-weighted mean funding rate (PRODUCT.md §3.4 b); null when <paramref name="Error"/> is set.</param>
/// <param name="Error">What is missing (no observations, or too little of the window covered); null when there is a rate.</param>
public sealed record FundingCarry(double? RateAnnualised, string? Error);
