using System.ComponentModel;

namespace Analytics.Api.Contracts.Portfolios;

/// <summary>A portfolio listing entry (its current version, without positions).</summary>
public sealed record PortfolioSummaryResponse(
    [property: Description("Portfolio id.")] long Id,
    [property: Description("Display name.")] string Name,
    [property: Description("Current version.")] int Version,
    [property: Description("When the portfolio was created, UTC.")] DateTimeOffset CreatedAt,
    [property: Description("When the current version was stored, UTC.")] DateTimeOffset UpdatedAt,
    [property: Description("Number of positions in the current version.")] int PositionCount);
