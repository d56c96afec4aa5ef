using System.ComponentModel;

namespace Analytics.Api.Contracts.Risk;

/// <summary>The outcome of a VaR backtest.</summary>
public sealed record RiskBacktestResponse(
    [property: Description("The VaR's confidence tested.")] double Confidence,
    [property: Description("The tests' confidence.")] double TestLevel,
    [property: Description("Kupiec (1995): do exceptions occur as often as the confidence says?")] KupiecResponse Kupiec,
    [property: Description("Christoffersen (1998): are exceptions independent from one day to the next?")] ChristoffersenResponse Christoffersen,
    [property: Description("Christoffersen (1998): both at once, LR_pof + LR_ind, χ²₂.")] LikelihoodRatioResponse ConditionalCoverage,
    [property: Description("The Basel zone of the exception count.")] TrafficLightResponse TrafficLight,
    [property: Description("Indexes (0-based) of the exception days (in `pairs` when tested from stored runs).")] IReadOnlyList<int> ExceptionDays,
    [property: Description("With `portfolioId`: the (day, run, VaR, realised P&L) pairs tested, in day order; null for posted series.")] IReadOnlyList<BacktestPairResponse>? Pairs = null,
    [property: Description("With `portfolioId`: the days from `from` to `to` not tested, each with the reason; null for posted series.")] IReadOnlyList<BacktestSkippedDayResponse>? Skipped = null);
