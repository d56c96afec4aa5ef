using System.ComponentModel;
using System.Text.Json.Serialization;
using Analytics.Api.Contracts.L2;
using Analytics.Api.Contracts.Pricing;
using Analytics.Pricing;
using Analytics.Pricing.Engines;

namespace Analytics.Api.Contracts.Structures;

/// <summary>A multi-leg structure: a template of API.md's table, or custom legs.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record StructurePriceRequest(
    [property: Description("One of call-spread, put-spread, butterfly, iron-butterfly, condor, iron-condor, straddle, strangle, risk-reversal, collar, calendar. Give `template` or `legs`.")] string? Template,
    [property: Description("`call` or `put`, for the templates built of one right (butterfly, condor, calendar).")] OptionRight? Type,
    [property: Description("Strikes in ascending order, USD, as many as the template needs.")] IReadOnlyList<double>? Strikes,
    [property: Description("Spot price of the underlying, USD, > 0. Required.")] double? Spot,
    [property: Description("Tenor of the (near) expiry, years (Act/365F). Required for templates; legs carry their own.")] double? TenorYears,
    [property: Description("Far tenor of a calendar, years, > tenorYears.")] double? FarTenorYears,
    [property: Description("Lognormal vol, annualised decimal, for every leg without its own. Required unless every leg has one.")] double? Vol,
    [property: Description("Risk-free rate r, annualised, continuously compounded decimal. Required.")] double? Rate,
    [property: Description("Dividend (or staking) yield q, annualised decimal. Default 0.")] double? DividendYield,
    [property: Description("Cost of carry b, annualised decimal; replaces rate − dividendYield.")] double? CarryRate,
    [property: Description("Units of the structure; negative reverses every leg. Default 1.")] double? Quantity,
    [property: Description("`european` (default) or `american` for every template leg.")] OptionExerciseStyle? Style,
    [property: Description("Custom legs instead of a template.")] IReadOnlyList<StructureLegRequest>? Legs,
    [property: Description("Optional L2 block: bid/ask from the chain's costs, one transaction for all legs.")] L2Request? L2,
    [property: Description("Points of the payoff grid, 2–10,001 (default 101).")] int? PayoffPoints)
{
    /// <summary>The example shown in Swagger UI (API.md's butterfly).</summary>
    public static StructurePriceRequest Example { get; } = new("butterfly", OptionRight.Call, [90, 100, 110], 100, 0.25, null, 0.6, 0.05,
        null, null, 1, null, null, new L2Request("arbitrum-one", null, null, null, null, null, null, null, null, null, null, null, null), null);
}

/// <summary>One custom leg.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record StructureLegRequest(
    [property: Description("`call` or `put`.")] OptionRight? Type,
    [property: Description("Strike, USD.")] double? Strike,
    [property: Description("Tenor, years (Act/365F).")] double? TenorYears,
    [property: Description("Quantity per unit of the structure; negative = sold. Non-zero.")] double? Quantity,
    [property: Description("This leg's vol, annualised decimal (default: the structure's `vol`).")] double? Vol,
    [property: Description("`european` (default) or `american`.")] OptionExerciseStyle? Style);

/// <summary>A priced structure.</summary>
public sealed record StructurePriceResponse(
    [property: Description("Template id, or `custom`.")] string Name,
    [property: Description("Units of the structure.")] double Quantity,
    [property: Description("Net premium, USD; positive = paid.")] double Premium,
    [property: Description("Position Greeks: quantity-weighted sums over the legs.")] GreeksResponse Greeks,
    [property: Description("Each leg priced.")] IReadOnlyList<StructureLegResponse> Legs,
    [property: Description("Tenor of the first expiry, years: where the payoff is drawn.")] double FirstExpiryYears,
    [property: Description("P&L at the first expiry net of premium, USD, on a grid of spots.")] IReadOnlyList<PayoffPointResponse> Payoff,
    [property: Description("Maximum profit, USD; null when unbounded.")] double? MaxProfit,
    [property: Description("Maximum loss as a positive USD amount; null when unbounded.")] double? MaxLoss,
    [property: Description("Spots where the P&L at the first expiry crosses zero, USD.")] IReadOnlyList<double> Breakevens,
    [property: Description("Gas of executing all legs in one L2 transaction vs one transaction per leg (zero without an l2 block).")] StructureGasResponse Gas,
    [property: Description("With an l2 block: the structure's bid and ask.")] StructureL2Response? L2);

/// <summary>One leg of a priced structure.</summary>
public sealed record StructureLegResponse(
    [property: Description("call or put.")] OptionRight Type,
    [property: Description("Strike, USD.")] double Strike,
    [property: Description("Tenor, years.")] double TenorYears,
    [property: Description("Position quantity (structure quantity × leg quantity).")] double Quantity,
    [property: Description("Engine id.")] string Engine,
    [property: Description("Vol used, annualised decimal.")] double Vol,
    [property: Description("Price per unit, USD.")] double Price,
    [property: Description("Position value = quantity × price, USD.")] double PositionValue,
    [property: Description("Per-unit Greeks.")] GreeksResponse Greeks);

/// <summary>A point of the payoff diagram.</summary>
public sealed record PayoffPointResponse([property: Description("Spot at the first expiry, USD.")] double Spot, [property: Description("P&L net of premium, USD.")] double Pnl);

/// <summary>Gas of the structure's execution.</summary>
public sealed record StructureGasResponse(
    [property: Description("All legs in one transaction, USD.")] double SingleTxUsd,
    [property: Description("One transaction per leg, USD.")] double PerLegTxUsd,
    [property: Description("perLegTxUsd − singleTxUsd, USD.")] double SavedUsd);

/// <summary>The structure's L2 quote: Leland side chosen by the sign of the net gamma (PRODUCT.md §3.4 part 4), gas paid once.</summary>
public sealed record StructureL2Response(
    [property: Description("Chain id.")] string Chain,
    [property: Description("Bid, USD.")] double Bid,
    [property: Description("Ask, USD.")] double Ask,
    [property: Description("Ask − bid, USD.")] double Spread,
    [property: Description("Net position gamma that chose the Leland side.")] double NetGamma,
    [property: Description("True when the ask uses the writer's (higher) vol, i.e. the structure is long gamma.")] bool AskAtWriterVol,
    [property: Description("True when Le ≥ 1 floored the bid vol at zero.")] bool BidFloorHit,
    [property: Description("True when bid > ask: Leland's model assumes one convexity, and a structure whose gamma and vega disagree in sign (a long calendar) can cross. Treat such a quote as indicative.")] bool Crossed,
    [property: Description("Gas of the one transaction, USD.")] double GasUsd,
    [property: Description("Settlement delay, years.")] double SettlementDelayYears,
    [property: Description("Cost of carry used, annualised decimal.")] double CarryRate,
    [property: Description("Where the carry came from.")] CarrySourceKind CarrySource);
