using System.ComponentModel;

namespace Analytics.Api.Contracts.Portfolios;

/// <summary>A page of portfolios, most recently updated first.</summary>
public sealed record PortfolioPageResponse(
    [property: Description("Portfolios, most recently updated first.")] IReadOnlyList<PortfolioSummaryResponse> Items,
    [property: Description("Cursor of the next page; null on the last.")] string? NextCursor);
