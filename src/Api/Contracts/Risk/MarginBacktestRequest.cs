using System.ComponentModel;
using System.Text.Json.Serialization;
using Analytics.Api.Contracts.Portfolios;

namespace Analytics.Api.Contracts.Risk;

/// <summary>A margin-adequacy backtest (API.md, <c>POST /risk/margin/backtest</c>).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record MarginBacktestRequest(
    [property: Description("A stored portfolio; or give `positions` and `collateral` inline.")] long? PortfolioId = null,
    [property: Description("The portfolio version (default: its current one).")] int? Version = null,
    [property: Description("Inline positions, as in `POST /api/v1/portfolios`.")] IReadOnlyList<PortfolioPositionRequest?>? Positions = null,
    [property: Description("Inline collateral, as in `POST /api/v1/portfolios`.")] IReadOnlyList<CollateralRequest?>? Collateral = null,
    [property: Description("Valuation instant of the book and its margin, ISO-8601 UTC (default now); the history ends at it.")] DateTimeOffset? AsOf = null,
    [property: Description("Model ids (default: every configured model), at most 50.")] IReadOnlyList<string?>? Models = null,
    [property: Description("Chain profile ids (default: every configured chain), at most 50.")] IReadOnlyList<string?>? Chains = null,
    [property: Description("First day of the history, `yyyy-MM-dd` (default: 3,650 days before `asOf`).")] DateOnly? From = null,
    [property: Description("Window length in days of daily closes, 1–30 (default 1): the time the account is assumed to stay at its maintenance margin before liquidation starts.")] int? WindowDays = null,
    [property: Description("Whether the margin held includes the chain's liquidation-latency add-on (default true).")] bool? IncludeLatencyAddOn = null,
    [property: Description("Instead of a portfolio: a standard book (short 25-delta strangle, short perp or covered call) built at `asOf`.")] StandardBookRequest? StandardBook = null)
{
    /// <summary>The Swagger example: the portfolio example under every model and chain over the stored history.</summary>
    public static MarginBacktestRequest Example { get; } = new(Positions: PortfolioRequest.Example.Positions, Collateral: PortfolioRequest.Example.Collateral);
}
