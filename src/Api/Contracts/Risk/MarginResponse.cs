using System.ComponentModel;

namespace Analytics.Api.Contracts.Risk;

/// <summary>A book's margin under one model on one chain.</summary>
public sealed record MarginResponse(
    [property: Description("The valuation instant, UTC.")] DateTimeOffset AsOf,
    [property: Description("The model used.")] MarginModelRef Model,
    [property: Description("The chain and the liquidation window τ it gives.")] MarginChainResponse Chain,
    [property: Description("Initial margin, USD: the model's plus the liquidation-latency add-on.")] double InitialMargin,
    [property: Description("Maintenance margin, USD: the model's plus the liquidation-latency add-on.")] double MaintenanceMargin,
    [property: Description("The model's initial margin before add-ons, USD.")] double ModelInitialMargin,
    [property: Description("The model's maintenance margin before add-ons, USD.")] double ModelMaintenanceMargin,
    [property: Description("Portfolio models: the worst scenario (each underlying's own worst grid point; losses summed); null for standard models.")] MarginWorstScenarioResponse? WorstScenario,
    [property: Description("Add-ons to the model's margin.")] MarginAddOnsResponse AddOns,
    [property: Description("Per position, in portfolio order.")] IReadOnlyList<MarginPositionResponse> Positions,
    [property: Description("Collateral at the indexed prices, USD (dollar stablecoins at 1, coin at spot).")] double CollateralValue,
    [property: Description("Equity, USD: collateral + option values + perpetuals' unrealised P&L Q·(S − entry) + spot holdings.")] double Equity,
    [property: Description("Maintenance margin ÷ equity; null when equity ≤ 0.")] double? MarginUtilisation,
    [property: Description("Per underlying: the nearer liquidation price's distance, in % of spot (signed) and in σ of the latency-window move.")] IReadOnlyDictionary<string, MarginDistanceResponse> DistanceToLiquidation,
    [property: Description("Per underlying: the spots below and above the current one where equity = maintenance margin (with the add-on), other underlyings held; solved by Brent's method, null where none exists.")] IReadOnlyDictionary<string, MarginLiquidationPriceResponse> LiquidationPrices,
    [property: Description("The model's readings where the venue's documentation is ambiguous or silent.")] IReadOnlyList<string> Assumptions,
    [property: Description("What the run used; `historySources` and `returnDays` describe the closes behind the EWMA vol.")] RiskInputsResponse Inputs);

/// <summary>A model named in a response.</summary>
public sealed record MarginModelRef(
    [property: Description("Model id.")] string Id,
    [property: Description("`standard` or `portfolio`.")] string Kind,
    [property: Description("Venue whose rules it reproduces.")] string Venue);

/// <summary>The chain of a margin run.</summary>
public sealed record MarginChainResponse(
    [property: Description("Chain profile id.")] string Id,
    [property: Description("Display name.")] string Name,
    [property: Description("Liquidation latency used, seconds (the profile's or the request's override).")] double LiquidationLatencySeconds,
    [property: Description("Block time, seconds.")] double BlockTimeSeconds,
    [property: Description("Oracle heartbeat (`Margin:OracleHeartbeatSeconds`), seconds.")] double OracleHeartbeatSeconds,
    [property: Description("τ = latency + block time + heartbeat, seconds.")] double HorizonSeconds);

/// <summary>The worst scenario of a portfolio model.</summary>
public sealed record MarginWorstScenarioResponse(
    [property: Description("The counted loss, USD: the sum of each underlying's; maintenance margin before add-ons is the model's `maintenanceLossFactor` times it plus `addOns.contingency.maintenance` (the loss itself for Deribit and Aevo).")] double Loss,
    [property: Description("Per underlying: its worst grid point.")] IReadOnlyDictionary<string, MarginScenarioMoveResponse> Moves);

/// <summary>One underlying's worst grid point.</summary>
public sealed record MarginScenarioMoveResponse(
    [property: Description("Relative spot move (−0.16 = down 16 %).")] double Spot,
    [property: Description("The vol shock's name (or a skew shock's; `basis` for the basis contingency, whose `spot` is then the move that lost more).")] string VolShock,
    [property: Description("Whether it is an extended-table scenario (loss counted at its dampening fraction).")] bool Extended,
    [property: Description("The counted loss, USD.")] double Loss);

/// <summary>Add-ons to a model's margin.</summary>
public sealed record MarginAddOnsResponse(
    [property: Description("The L2 liquidation-latency add-on.")] LiquidationLatencyAddOnResponse LiquidationLatency,
    [property: Description("Portfolio models with contingency margin (Derive): the venue's contingencies, already in the model's margin; null otherwise.")] MarginContingencyResponse? Contingency = null);

/// <summary>A portfolio model's contingency margin (perpetuals, naked short options, coin).</summary>
public sealed record MarginContingencyResponse(
    [property: Description("In maintenance (and initial) margin, USD.")] double Maintenance,
    [property: Description("Added to initial margin on top, USD.")] double InitialExtra,
    [property: Description("Per underlying.")] IReadOnlyDictionary<string, MarginContingencyAmountResponse> PerUnderlying);

/// <summary>One underlying's contingency margin.</summary>
public sealed record MarginContingencyAmountResponse(
    [property: Description("In maintenance (and initial) margin, USD.")] double Maintenance,
    [property: Description("Added to initial margin on top, USD.")] double InitialExtra);

/// <summary>The liquidation-latency add-on.</summary>
public sealed record LiquidationLatencyAddOnResponse(
    [property: Description("The add-on, USD (added to initial and maintenance margin).")] double Usd,
    [property: Description("The add-on ÷ the model's maintenance margin; null when that is 0.")] double? FractionOfMaintenance,
    [property: Description("τ, seconds.")] double HorizonSeconds,
    [property: Description("Confidence of the move band.")] double Confidence,
    [property: Description("How it is computed.")] string Formula,
    [property: Description("Per underlying.")] IReadOnlyDictionary<string, LiquidationLatencyUnderlyingResponse> PerUnderlying);

/// <summary>One underlying's add-on.</summary>
public sealed record LiquidationLatencyUnderlyingResponse(
    [property: Description("EWMA daily vol of its log returns.")] double DailyVol,
    [property: Description("σ_τ = σ_daily·√(τ / 86,400 s).")] double WindowVol,
    [property: Description("Band half-width z·σ_τ (relative move).")] double MoveBound,
    [property: Description("Dollar delta D = ∂V/∂x, USD per unit relative move.")] double DollarDelta,
    [property: Description("Dollar gamma G = ∂²V/∂x², USD.")] double DollarGamma,
    [property: Description("Its add-on, USD.")] double Usd);

/// <summary>One position's margin figures.</summary>
public sealed record MarginPositionResponse(
    [property: Description("Index in the portfolio.")] int Index,
    [property: Description("`option`, `perp` or `spot`, as in `POST /api/v1/portfolios`.")] string Kind,
    [property: Description("Underlying.")] string Underlying,
    [property: Description("The position's value, USD (signed; a short option is negative).")] double Value,
    [property: Description("Standard models: its initial margin, USD; null for portfolio models.")] double? InitialMargin,
    [property: Description("Standard models: its maintenance margin, USD; null for portfolio models.")] double? MaintenanceMargin,
    [property: Description("Portfolio models: its loss in its underlying's worst scenario, USD; null for standard models.")] double? WorstScenarioLoss);

/// <summary>Distance to the nearer liquidation price.</summary>
public sealed record MarginDistanceResponse(
    [property: Description("Spot move to it in percent of spot (−25 = 25 % down, 200 = tripled); null when none exists.")] double? PercentOfSpot,
    [property: Description("|ln(1 + move)| ÷ σ_τ; null when none exists.")] double? LatencyWindowSigmas);

/// <summary>Liquidation prices of one underlying.</summary>
public sealed record MarginLiquidationPriceResponse(
    [property: Description("The spot below the current one where equity = maintenance margin, USD; null when none.")] double? Down,
    [property: Description("The spot above, USD; null when none.")] double? Up,
    [property: Description("Equity is already at or below maintenance margin.")] bool LiquidatableNow);
