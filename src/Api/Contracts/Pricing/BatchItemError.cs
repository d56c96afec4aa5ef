using System.ComponentModel;

namespace Analytics.Api.Contracts.Pricing;

/// <summary>Why one batch item was not priced; the other items are unaffected.</summary>
public sealed record BatchItemError(
    [property: Description("HTTP status the item would have had alone: 400 invalid input, 422 no result exists, 503 engine unavailable, 500 an unexpected failure of this item only.")] int Status,
    [property: Description("What went wrong.")] string Title,
    [property: Description("Field-level reasons, keyed by the item's field names.")] IReadOnlyDictionary<string, string[]> Errors);
