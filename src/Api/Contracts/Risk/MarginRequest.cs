using System.ComponentModel;
using System.Text.Json.Serialization;
using Analytics.Api.Contracts.Portfolios;

namespace Analytics.Api.Contracts.Risk;

/// <summary>A margin request (API.md, <c>POST /risk/margin</c>): a book, a model and a chain.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record MarginRequest(
    [property: Description("A stored portfolio; or give `positions` and `collateral` inline.")] long? PortfolioId = null,
    [property: Description("The portfolio version (default: its current one).")] int? Version = null,
    [property: Description("Inline positions, as in `POST /api/v1/portfolios`.")] IReadOnlyList<PortfolioPositionRequest?>? Positions = null,
    [property: Description("Inline collateral, as in `POST /api/v1/portfolios`; coin collateral counts at spot and moves with its underlying in every scenario.")] IReadOnlyList<CollateralRequest?>? Collateral = null,
    [property: Description("Valuation instant, ISO-8601 UTC (default now).")] DateTimeOffset? AsOf = null,
    [property: Description("Margin model id from `GET /api/v1/risk/margin/models` (`Margin:Models`). Required.")] string? Model = null,
    [property: Description("Chain profile id (`GET /api/v1/chains`) whose liquidation latency sets the add-on; default: the chain all positions name, else `ethereum`.")] string? Chain = null,
    [property: Description("Overrides the chain's `liquidationLatencySeconds`, 0–86,400 s.")] double? LiquidationLatencySeconds = null)
{
    /// <summary>The Swagger example: the portfolio example under Deribit's standard rules on Arbitrum.</summary>
    public static MarginRequest Example { get; } = new(
        Positions: PortfolioRequest.Example.Positions, Collateral: PortfolioRequest.Example.Collateral, Model: "deribit-standard", Chain: "arbitrum-one");
}
