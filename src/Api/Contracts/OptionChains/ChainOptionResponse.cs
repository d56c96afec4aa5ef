using System.ComponentModel;
using Analytics.Api.Contracts.Pricing;

namespace Analytics.Api.Contracts.OptionChains;

// "Chain" here is the option chain; the type keeps its name because it is the committed OpenAPI schema id.
/// <summary>One option of a chain row, per unit of underlying, USD.</summary>
public sealed record ChainOptionResponse(
    [property: Description("Mid price, USD (Black-76 on the forward at `vol`).")] double Mid,
    [property: Description("Bid, USD: L2 cost model of the chain (Leland hedging-cost vol, gas), default trade terms.")] double Bid,
    [property: Description("Ask, USD.")] double Ask,
    [property: Description("Greeks of the mid in the response's `greekUnits`: delta per 1 USD of forward; vega per 1.00 of vol and theta per year (per-unit) or per vol point and per day (per-vol-point-per-day).")] GreeksResponse Greeks);
