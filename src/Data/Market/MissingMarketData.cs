namespace Analytics.Data.Market;

/// <summary>An input a <see cref="MarketSnapshot"/> was asked for and does not hold, and why.</summary>
/// <param name="Kind"><c>price</c>, <c>surface</c> or <c>funding</c>.</param>
/// <param name="Key">The underlying, or <c>venue market</c> for funding.</param>
/// <param name="Reason">What is missing, in words a user can act on.</param>
public sealed record MissingMarketData(string Kind, string Key, string Reason);
