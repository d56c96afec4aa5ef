using System.ComponentModel;

namespace Analytics.Api.Contracts.Portfolios;

/// <summary>One version of a stored portfolio.</summary>
public sealed record PortfolioResponse(
    [property: Description("Portfolio id.")] long Id,
    [property: Description("The version shown (1 = as created; every PUT adds one).")] int Version,
    [property: Description("The portfolio's newest version.")] int LatestVersion,
    [property: Description("Display name in this version.")] string Name,
    [property: Description("Collateral holdings in this version.")] IReadOnlyList<CollateralResponse> Collateral,
    [property: Description("Positions in this version, in the order given.")] IReadOnlyList<PortfolioPositionResponse> Positions,
    [property: Description("When the portfolio was created (version 1), UTC.")] DateTimeOffset CreatedAt,
    [property: Description("When this version was stored, UTC.")] DateTimeOffset UpdatedAt);
