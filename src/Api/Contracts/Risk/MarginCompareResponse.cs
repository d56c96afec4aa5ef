using System.ComponentModel;

namespace Analytics.Api.Contracts.Risk;

/// <summary>One book under several models and chains.</summary>
public sealed record MarginCompareResponse(
    [property: Description("The valuation instant, UTC.")] DateTimeOffset AsOf,
    [property: Description("Equity, USD.")] double Equity,
    [property: Description("One row per model × chain, models then chains in order.")] IReadOnlyList<MarginCompareRow> Rows,
    [property: Description("What the run used.")] RiskInputsResponse Inputs);

/// <summary>One model on one chain.</summary>
public sealed record MarginCompareRow(
    [property: Description("The model.")] MarginModelRef Model,
    [property: Description("Chain profile id.")] string Chain,
    [property: Description("Initial margin with the add-on, USD; null when the model cannot margin the book.")] double? InitialMargin,
    [property: Description("Maintenance margin with the add-on, USD; null when unsupported.")] double? MaintenanceMargin,
    [property: Description("The model's maintenance margin before add-ons, USD.")] double? ModelMaintenanceMargin,
    [property: Description("The chain's liquidation-latency add-on, USD.")] double? LiquidationLatencyAddOn,
    [property: Description("Maintenance margin ÷ the most lenient supported row's; null when unsupported or that is 0.")] double? RatioToMostLenient,
    [property: Description("Maintenance ÷ equity; null when equity ≤ 0 or unsupported.")] double? MarginUtilisation,
    [property: Description("Why the model cannot margin the book (e.g. dYdX lists no options); null when it can.")] string? Unsupported);
