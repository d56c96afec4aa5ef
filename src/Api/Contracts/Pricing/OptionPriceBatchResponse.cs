using System.ComponentModel;

namespace Analytics.Api.Contracts.Pricing;

/// <summary>The results of a price batch, in request order.</summary>
public sealed record OptionPriceBatchResponse([property: Description("One slot per requested option, in order.")] IReadOnlyList<OptionPriceSlot> Results);
