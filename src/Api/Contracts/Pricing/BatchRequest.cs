using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Analytics.Api.Contracts.Pricing;

/// <summary>A batch: <c>{ "options": [ ... ] }</c>, each item shaped as the single-item request.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record BatchRequest<T>([property: Description("The items, at most `Limits:MaxBatchItems` (default 100,000).")] IReadOnlyList<T?>? Options);
