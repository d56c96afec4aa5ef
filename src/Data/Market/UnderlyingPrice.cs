namespace Analytics.Data.Market;

/// <summary>The latest stored spot or index price of an underlying at or before a snapshot's instant.</summary>
/// <param name="Underlying">Underlying symbol, upper case.</param>
/// <param name="PriceUsd">The observation's close, USD.</param>
/// <param name="ObservedAtUtc">The observation's instant.</param>
/// <param name="Source">Where the price comes from (the price observation's source).</param>
public sealed record UnderlyingPrice(string Underlying, double PriceUsd, DateTimeOffset ObservedAtUtc, string Source);
