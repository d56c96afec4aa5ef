using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Analytics.Api.Contracts.Pricing;

/// <summary>A batch: <c>{ "options": [ ... ] }</c>, each item shaped as the single-item request.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record BatchRequest<T>([property: Description("The items, at most `Limits:MaxBatchItems` (default 100,000).")] IReadOnlyList<T?>? Options);

/// <summary>Why one batch item was not priced; the other items are unaffected.</summary>
public sealed record BatchItemError(
    [property: Description("HTTP status the item would have had alone: 400 invalid input, 422 no result exists.")] int Status,
    [property: Description("What went wrong.")] string Title,
    [property: Description("Field-level reasons, keyed by the item's field names.")] IReadOnlyDictionary<string, string[]> Errors);

/// <summary>One slot of a price batch: the price, or an <c>error</c>.</summary>
[JsonDerivedType(typeof(OptionPriceResponse))]
[JsonDerivedType(typeof(OptionPriceItemError))]
public abstract record OptionPriceSlot;

/// <summary>A price-batch slot whose item could not be priced.</summary>
public sealed record OptionPriceItemError([property: Description("Why this item was not priced.")] BatchItemError Error) : OptionPriceSlot;

/// <summary>The results of a price batch, in request order.</summary>
public sealed record OptionPriceBatchResponse([property: Description("One slot per requested option, in order.")] IReadOnlyList<OptionPriceSlot> Results);

/// <summary>One slot of an implied-vol batch: the implied vol, or an <c>error</c>.</summary>
[JsonDerivedType(typeof(ImpliedVolResponse))]
[JsonDerivedType(typeof(ImpliedVolItemError))]
public abstract record ImpliedVolSlot;

/// <summary>An implied-vol-batch slot with no result.</summary>
public sealed record ImpliedVolItemError([property: Description("Why this item has no implied vol.")] BatchItemError Error) : ImpliedVolSlot;

/// <summary>The results of an implied-vol batch, in request order.</summary>
public sealed record ImpliedVolBatchResponse([property: Description("One slot per requested option, in order.")] IReadOnlyList<ImpliedVolSlot> Results);
