using System.ComponentModel;

namespace Analytics.Api.Contracts.Alerts;

/// <summary>A margin alert: a portfolio's utilisation crossed a threshold under one model on one chain.</summary>
public sealed record AlertResponse(
    [property: Description("Alert id.")] long Id,
    [property: Description("The portfolio.")] long PortfolioId,
    [property: Description("The portfolio version margined.")] int PortfolioVersion,
    [property: Description("Margin model id.")] string Model,
    [property: Description("Chain id.")] string Chain,
    [property: Description("`warning` or `liquidation`.")] string Level,
    [property: Description("When the margin-monitor job raised it, UTC.")] DateTimeOffset RaisedAt,
    [property: Description("Valuation instant of the margin run, UTC.")] DateTimeOffset AsOf,
    [property: Description("Maintenance margin (with the chain's liquidation-latency add-on) ÷ equity; null when equity ≤ 0.")] double? Utilisation,
    [property: Description("The threshold crossed (utilisation).")] double Threshold,
    [property: Description("Equity, USD.")] double EquityUsd,
    [property: Description("Maintenance margin with the add-on, USD.")] double MaintenanceMarginUsd,
    [property: Description("Initial margin with the add-on, USD.")] double InitialMarginUsd,
    [property: Description("The recurring job that raised it.")] string RecurringJobId);

/// <summary>One page of alerts.</summary>
public sealed record AlertPageResponse(
    [property: Description("Alerts in the order raised (oldest first).")] IReadOnlyList<AlertResponse> Items,
    [property: Description("Pass as `cursor` to get the next page; null on the last page.")] string? NextCursor);
