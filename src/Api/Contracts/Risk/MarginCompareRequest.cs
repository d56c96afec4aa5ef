using System.ComponentModel;
using System.Text.Json.Serialization;
using Analytics.Api.Contracts.Portfolios;

namespace Analytics.Api.Contracts.Risk;

/// <summary>A margin comparison (API.md, <c>POST /risk/margin/compare</c>): one book under several models and chains.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record MarginCompareRequest(
    [property: Description("A stored portfolio; or give `positions` and `collateral` inline.")] long? PortfolioId = null,
    [property: Description("The portfolio version (default: its current one).")] int? Version = null,
    [property: Description("Inline positions, as in `POST /api/v1/portfolios`.")] IReadOnlyList<PortfolioPositionRequest?>? Positions = null,
    [property: Description("Inline collateral, as in `POST /api/v1/portfolios`.")] IReadOnlyList<CollateralRequest?>? Collateral = null,
    [property: Description("Valuation instant, ISO-8601 UTC (default now).")] DateTimeOffset? AsOf = null,
    [property: Description("Model ids (default: every configured model), at most 50.")] IReadOnlyList<string?>? Models = null,
    [property: Description("Chain profile ids (default: every configured chain), at most 50.")] IReadOnlyList<string?>? Chains = null)
{
    /// <summary>The Swagger example: the portfolio example under every model and chain.</summary>
    public static MarginCompareRequest Example { get; } = new(Positions: PortfolioRequest.Example.Positions, Collateral: PortfolioRequest.Example.Collateral);
}
