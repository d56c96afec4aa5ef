using System.Text.Json.Serialization;

namespace Analytics.Api.Contracts.Pricing;

/// <summary>One slot of a price batch: the price, or an <c>error</c>.</summary>
[JsonDerivedType(typeof(OptionPriceResponse))]
[JsonDerivedType(typeof(OptionPriceItemError))]
public abstract record OptionPriceSlot;
