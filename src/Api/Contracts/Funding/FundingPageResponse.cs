using System.ComponentModel;

namespace Analytics.Api.Contracts.Funding;

/// <summary>One page of funding observations.</summary>
public sealed record FundingPageResponse(
    [property: Description("Observations in time order (oldest first).")] IReadOnlyList<FundingResponse> Items,
    [property: Description("Pass as `cursor` to get the next page; null on the last page.")] string? NextCursor);
