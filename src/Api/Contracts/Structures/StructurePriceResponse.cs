using System.ComponentModel;
using System.Text.Json.Serialization;
using Analytics.Api.Contracts.Pricing;
using Analytics.Pricing;
using Analytics.Pricing.Surfaces;

namespace Analytics.Api.Contracts.Structures;

/// <summary>A priced structure.</summary>
public sealed record StructurePriceResponse(
    [property: Description("Template id, or `custom`.")] string Name,
    [property: Description("Units of the structure.")] double Quantity,
    [property: Description("Net premium, USD (in the underlying with `premiumCurrency: underlying`); positive = paid.")] double Premium,
    [property: Description("Position Greeks: quantity-weighted sums over the legs (of the premium in the premium currency).")] GreeksResponse Greeks,
    [property: Description("Each leg priced.")] IReadOnlyList<StructureLegResponse> Legs,
    [property: Description("Tenor of the first expiry, years: where the payoff is drawn.")] double FirstExpiryYears,
    [property: Description("P&L at the first expiry net of premium, USD, on a grid of spots.")] IReadOnlyList<PayoffPointResponse> Payoff,
    [property: Description("Maximum profit, USD; null when unbounded.")] double? MaxProfit,
    [property: Description("Maximum loss as a positive USD amount; null when unbounded.")] double? MaxLoss,
    [property: Description("Spots where the P&L at the first expiry crosses or touches zero, or where a stretch of zero P&L ends, ascending, USD.")] IReadOnlyList<double> Breakevens,
    [property: Description("Gas of executing all legs in one L2 transaction vs one transaction per leg (zero without an l2 block).")] StructureGasResponse Gas,
    [property: Description("With an l2 block: the structure's bid and ask.")] StructureL2Response? L2,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("With `volSource: surface`: the id of the surface the legs' vols were read from. Absent otherwise.")] long? SurfaceId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("With `volSource: surface`: that surface's model. Absent otherwise.")] SurfaceModel? SurfaceModel = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("With `volSource: surface`: that surface's as-of, UTC; never after `valuationTime`. Absent otherwise.")] DateTimeOffset? SurfaceAsOf = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("The valuation instant the expiries' tenors run from and the surface was chosen at, UTC, when an expiry or `volSource: surface` was given. Absent otherwise.")] DateTimeOffset? ValuationTime = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("`underlying` when the request asked for it: the premium, the legs' prices and position values, the Greeks and the `l2` money figures are then in units of the underlying (divided by the spot). Absent means USD.")] PremiumCurrency? PremiumCurrency = null);
