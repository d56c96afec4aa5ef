using System.ComponentModel;
using System.Text.Json.Serialization;
using Analytics.Pricing;

namespace Analytics.Api.Contracts.OptionChains;

/// <summary>Every listed strike of one expiry priced from the latest surface (GET /api/v1/chains/{underlying}).</summary>
public sealed record OptionChainResponse(
    [property: Description("Underlying symbol.")] string Underlying,
    [property: Description("Expiry instant, UTC.")] DateTimeOffset Expiry,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("Chain id whose L2 cost model gives bid and ask. Absent without `chain`: then no L2 costs apply and the rows have no bid and ask.")] string? Chain,
    [property: Description("The surface priced from: the one named by `surfaceId`, else the newest published surface of the model `Surfaces:DefaultModel` with an as-of at or before the query's `asOf` (default now).")] long SurfaceId,
    [property: Description("The surface's as-of instant, UTC (as `surfaceAsOf` on priced options and structures): the valuation time of every price here.")] DateTimeOffset SurfaceAsOf,
    [property: Description("Tenor T, years (Act/365F from `asOf`).")] double TenorYears,
    [property: Description("The slice's forward F_T, USD: the underlying of the Black-76 prices.")] double Forward,
    [property: Description("The slice's discount factor exp(−r·T).")] double DiscountFactor,
    [property: Description("One row per listed strike, ascending.")] IReadOnlyList<ChainStrikeResponse> Strikes,
    [property: Description("The model of the surface priced from: `svi`, `ssvi` or `essvi`.")] Analytics.Pricing.Surfaces.SurfaceModel SurfaceModel,
    [property: Description("Where the strikes come from: `quote-snapshot` (every strike of the expiry in the indexed quote snapshot the surface was fitted from, no-bid wings included), `posted-quotes` (every strike of the expiry in the quotes posted with the fit) or `fit-points` (the fit names no quotes: the strikes of its smile points only).")] ListedStrikeSource StrikeSource,
    [property: Description("`usd` (default) or `underlying`: the unit of every mid, bid, ask and Greek (premium in units of the underlying = USD premium / `forward`, as Deribit quotes inverse options).")] PremiumCurrency PremiumCurrency,
    [property: Description("The units of every `greeks` here: `per-unit` or `per-vol-point-per-day`, as the query's `greekUnits` asked (see POST /options/price).")] GreekUnits GreekUnits,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("With `chain`: contracts in one transaction (the gas is spread over them; the hedge notional is contracts × forward).")] double? Contracts = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("With `chain`: the writer's re-hedge interval Δt, hours.")] double? RehedgeIntervalHours = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("With `chain`: the proportional taker fee per hedge trade, decimal.")] double? TakerFeeRate = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("With `chain`: gasCostUsd / contracts, USD per contract (in USD whatever `premiumCurrency`).")] double? GasPerContractUsd = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("With `chain`: k = 2·(takerFeeRate + gasCostUsd / (contracts × forward)), the Leland round-trip cost, decimal.")] double? RoundTripCostRate = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("Listed strikes left out because the surface gives no positive finite vol there. Absent when none is.")] IReadOnlyList<double>? UnpricedStrikes = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("With `chain`: which gas per transaction was used, `configured` (the profile's gasCostUsd) or `observed` (the median of the indexed trades' gas on the chain, last 24 h).")] Analytics.Api.Contracts.L2.GasSource? Gas = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("With `chain`: the gas per transaction used, USD.")] double? GasCostUsd = null);
