using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using Analytics.Api.Contracts.Portfolios;

namespace Analytics.Api.Contracts.Risk;

/// <summary>A stress test (API.md, <c>POST /risk/stress</c>).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record StressRequest(
    [property: Description("A stored portfolio; or give `positions` and `collateral` inline.")] long? PortfolioId = null,
    [property: Description("The portfolio version (default: its current one).")] int? Version = null,
    [property: Description("Inline positions, as in `POST /api/v1/portfolios`.")] IReadOnlyList<PortfolioPositionRequest?>? Positions = null,
    [property: Description("Inline collateral, as in `POST /api/v1/portfolios`.")] IReadOnlyList<CollateralRequest?>? Collateral = null,
    [property: Description("Valuation instant, ISO-8601 UTC (default now).")] DateTimeOffset? AsOf = null,
    [property: Description("1–50 scenarios, each a name from `GET /api/v1/risk/stress/scenarios` (e.g. `\"ftx-2022-11\"`) or " +
                           "`{ \"name\": \"..\", \"moves\": { \"ETH\": { \"spot\": -0.3, \"vol\": 0.2 } } }` (spot: relative move > −1; " +
                           "vol: absolute shift, −1 to 5; underlyings not listed do not move).")] IReadOnlyList<JsonElement>? Scenarios = null,
    [property: Description("Carry per underlying, overriding `Risk:Carry`, as in `POST /api/v1/risk/var`.")] IReadOnlyDictionary<string, CarryRequest?>? Carry = null)
{
    /// <summary>The Swagger example: the FTX week and a user-defined crash on the portfolio example's positions.</summary>
    public static StressRequest Example { get; } = new(
        Positions: PortfolioRequest.Example.Positions, Collateral: PortfolioRequest.Example.Collateral,
        Scenarios: [JsonSerializer.SerializeToElement("ftx-2022-11"), JsonSerializer.SerializeToElement(new { name = "eth-30-down-vol-up", moves = new { ETH = new { spot = -0.3, vol = 0.2 } } })]);
}
