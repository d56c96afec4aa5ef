using System.ComponentModel;
using Analytics.Pricing.L2;

namespace Analytics.Api.Contracts.Structures;

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
    [property: Description("Gas of the one transaction, USD (the same number as `gas.singleTxUsd`).")] double SingleTxUsd,
    [property: Description("Settlement delay, years.")] double SettlementDelayYears,
    [property: Description("Cost of carry used, annualised decimal.")] double CarryRate,
    [property: Description("Where the carry came from.")] CarrySource CarrySource);
