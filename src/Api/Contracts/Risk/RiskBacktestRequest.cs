using System.ComponentModel;

namespace Analytics.Api.Contracts.Risk;

/// <summary>A VaR backtest of a series of daily VaR forecasts against realised P&amp;L (API.md, <c>POST /risk/backtest</c>).</summary>
public sealed record RiskBacktestRequest(
    [property: Description("VaR forecast per day, a positive loss figure (USD), in date order; day t is an exception when its loss −pnl[t] exceeds var[t].")] IReadOnlyList<double>? Var,
    [property: Description("Realised P&L per day (USD, negative = a loss), the same days as `var`.")] IReadOnlyList<double>? Pnl,
    [property: Description("The VaR's confidence in (0.5, 1); default 0.99.")] double? Confidence = null,
    [property: Description("The tests' confidence in (0.5, 1); default 0.95 (reject when the p-value is at most 1 − testLevel).")] double? TestLevel = null,
    [property: Description("Instead of `var` and `pnl`: a stored portfolio whose stored VaR runs are tested (per UTC day the last one-day run at `confidence`) " +
                           "against its realised P&L from the day's close to the next day's close (the version each run valued, the run's market moved by the indexed closes).")] long? PortfolioId = null,
    [property: Description("With `portfolioId`: first day (UTC date, `2026-01-01`).")] DateOnly? From = null,
    [property: Description("With `portfolioId`: last day (UTC date), at most 3,660 days after `from`.")] DateOnly? To = null)
{
    /// <summary>The Swagger example: ten days of a 99 % VaR with one exception (day 4).</summary>
    public static RiskBacktestRequest Example { get; } = new(
        [1200, 1180, 1250, 1300, 1270, 1240, 1220, 1260, 1290, 1310],
        [150, -420, 310, -1450, 80, -260, 520, -90, 40, -610],
        0.99, 0.95);
}
