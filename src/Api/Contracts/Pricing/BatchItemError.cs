using System.ComponentModel;
using System.Text.Json.Serialization;
using Analytics.Api.Errors;

namespace Analytics.Api.Contracts.Pricing;

/// <summary>Why one batch item was not priced; the other items are unaffected.</summary>
public sealed record BatchItemError(
    [property: Description("HTTP status the item would have had alone: 400 invalid input, 422 no result exists, 503 engine unavailable, 500 an unexpected failure of this item only.")] int Status,
    [property: Description("What went wrong.")] string Title,
    [property: Description("Field-level reasons, keyed by the item's field names.")] IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>The problem type of <see cref="Status"/> (its RFC section), as every problem body of the service carries one.</summary>
    [JsonPropertyOrder(-1)]
    [Description("The problem type of `status`: the RFC section defining it, as in every problem body of the service.")]
    public string? Type => Problems.TypeFor(Status);
}
