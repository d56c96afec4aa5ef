using System.ComponentModel;
using System.Text.Json.Serialization;
using Analytics.Api.Contracts.Portfolios;

namespace Analytics.Api.Contracts.Risk;

/// <summary>A VaR request (API.md, <c>POST /risk/var</c>): a stored portfolio or inline positions, and the method's settings.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record VarRequest(
    [property: Description("A stored portfolio (`GET /api/v1/portfolios`); or give `positions` and `collateral` inline.")] long? PortfolioId = null,
    [property: Description("The portfolio version (default: its current one).")] int? Version = null,
    [property: Description("Inline positions, as in `POST /api/v1/portfolios`.")] IReadOnlyList<PortfolioPositionRequest?>? Positions = null,
    [property: Description("Inline collateral, as in `POST /api/v1/portfolios`; coin collateral is revalued like a spot holding.")] IReadOnlyList<CollateralRequest?>? Collateral = null,
    [property: Description("Valuation instant, ISO-8601 UTC (default now): the latest price and the published surface at or before it, and the returns before it.")] DateTimeOffset? AsOf = null,
    [property: Description("`historical` (default), `parametric`, `delta-gamma` or `monte-carlo`.")] string? Method = null,
    [property: Description("Confidence in (0.5, 1); default 0.99.")] double? Confidence = null,
    [property: Description("Horizon, 1–250 days; default 1.")] int? HorizonDays = null,
    [property: Description("Calendar days of daily returns, 2–3650; default 365.")] int? LookbackDays = null,
    [property: Description("Historical: `overlapping` h-day returns (default) or `sqrt-time` scaling of one-day figures.")] string? HorizonScaling = null,
    [property: Description("`held` (default: each option keeps the vol read from the surface at its strike; sticky strike). `sticky-moneyness`: each option's vol read from the same surface at the moved spot's log-moneyness (k = ln(K/F) fixed, vol moves with spot; simulation methods and the parametric deltas/gammas alike). `surface-history` (historical method only): held vols plus, per return, the change between the stored published surfaces of its start and end days, by log-moneyness bucket at the median tenor of the book's options on that underlying; a return whose days lack a surface keeps the vols held (the response's `horizonScaling` note counts them).")] string? VolModel = null,
    [property: Description("Parametric, delta-gamma, Monte Carlo: `sample` (default) or `ewma`.")] string? Covariance = null,
    [property: Description("EWMA decay λ in (0, 1); default 0.94 (RiskMetrics).")] double? Lambda = null,
    [property: Description("Monte Carlo paths, even, 100–200,000; default 10,000.")] int? Paths = null,
    [property: Description("Monte Carlo seed; default 1. The same seed gives the same numbers on any number of cores.")] int? Seed = null,
    [property: Description("Carry per underlying, overriding `Risk:Carry` (default: funding of the configured perp, else rates at `Risk:Carry:Rate`), e.g. " +
                           "`{ \"ETH\": { \"source\": \"funding\", \"venue\": \"binance\", \"market\": \"ETH-USDT\", \"lookbackHours\": 168 } }`. `inputs.carry` says what was used.")]
    IReadOnlyDictionary<string, CarryRequest?>? Carry = null)
{
    /// <summary>
    /// The Swagger example: historical 99 % one-day VaR of inline ETH options, a perp and ETH collateral, ETH's carry from
    /// the Binance ETH-USDT funding of the week before (rates carry at 0, said in <c>inputs.carry</c>, when none is indexed).
    /// </summary>
    public static VarRequest Example { get; } = new(
        Positions: PortfolioRequest.Example.Positions, Collateral: PortfolioRequest.Example.Collateral,
        Method: "historical", Confidence: 0.99, HorizonDays: 1, LookbackDays: 365,
        Carry: new Dictionary<string, CarryRequest?> { ["ETH"] = new("funding", "binance", "ETH-USDT", 168) });
}
