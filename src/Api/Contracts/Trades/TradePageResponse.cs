using System.ComponentModel;

namespace Analytics.Api.Contracts.Trades;

/// <summary>One page of trades.</summary>
public sealed record TradePageResponse(
    [property: Description("Trades in time order (oldest first).")] IReadOnlyList<TradeResponse> Items,
    [property: Description("Pass as `cursor` to get the next page; null on the last page.")] string? NextCursor);
