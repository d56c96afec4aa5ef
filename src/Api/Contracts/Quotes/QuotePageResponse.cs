using System.ComponentModel;

namespace Analytics.Api.Contracts.Quotes;

/// <summary>One page of option quote snapshots.</summary>
public sealed record QuotePageResponse(
    [property: Description("Quotes in time order (oldest first).")] IReadOnlyList<QuoteResponse> Items,
    [property: Description("Pass as `cursor` to get the next page; null on the last page.")] string? NextCursor);
