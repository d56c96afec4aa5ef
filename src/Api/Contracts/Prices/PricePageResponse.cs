using System.ComponentModel;

namespace Analytics.Api.Contracts.Prices;

/// <summary>One page of price history.</summary>
public sealed record PricePageResponse(
    [property: Description("Prices in time order (oldest first).")] IReadOnlyList<PriceResponse> Items,
    [property: Description("Pass as `cursor` to get the next page; null on the last page.")] string? NextCursor);
