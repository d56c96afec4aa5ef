using System.ComponentModel;

namespace Analytics.Api.Contracts.Risk;

/// <summary>A day a backtest over stored VaR runs did not test.</summary>
public sealed record BacktestSkippedDayResponse(
    [property: Description("The day, UTC.")] DateOnly Day,
    [property: Description("The run of that day, when there was one.")] string? RunId,
    [property: Description("Why it was skipped.")] string Reason);
