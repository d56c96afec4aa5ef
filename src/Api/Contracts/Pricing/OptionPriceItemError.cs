using System.ComponentModel;

namespace Analytics.Api.Contracts.Pricing;

/// <summary>A price-batch slot whose item could not be priced.</summary>
public sealed record OptionPriceItemError([property: Description("Why this item was not priced.")] BatchItemError Error) : OptionPriceSlot;
