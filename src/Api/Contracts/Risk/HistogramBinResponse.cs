using System.ComponentModel;

namespace Analytics.Api.Contracts.Risk;

/// <summary>One bin of the scenario P&amp;L distribution.</summary>
public sealed record HistogramBinResponse(
    [property: Description("Lower edge, USD (inclusive).")] double From,
    [property: Description("Upper edge, USD (exclusive, except the last bin).")] double To,
    [property: Description("Scenarios in the bin.")] int Count);
