using System.ComponentModel;

namespace Analytics.Api.Contracts.Structures;

/// <summary>Gas of the structure's execution.</summary>
public sealed record StructureGasResponse(
    [property: Description("All legs in one transaction, USD.")] double SingleTxUsd,
    [property: Description("One transaction per leg, USD.")] double PerLegTxUsd,
    [property: Description("perLegTxUsd − singleTxUsd, USD.")] double SavedUsd);
