using System.ComponentModel;
using Analytics.Api.Contracts.L2;
using Analytics.Api.Contracts.Pricing;
using Analytics.Pricing;
using Analytics.Pricing.Engines;

namespace Analytics.Api.Contracts.Structures;

/// <summary>Gas of the structure's execution.</summary>
public sealed record StructureGasResponse(
    [property: Description("All legs in one transaction, USD.")] double SingleTxUsd,
    [property: Description("One transaction per leg, USD.")] double PerLegTxUsd,
    [property: Description("perLegTxUsd − singleTxUsd, USD.")] double SavedUsd);
