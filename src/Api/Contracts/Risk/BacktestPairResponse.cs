using System.ComponentModel;

namespace Analytics.Api.Contracts.Risk;

/// <summary>One tested day of a backtest over stored VaR runs.</summary>
public sealed record BacktestPairResponse(
    [property: Description("The run's as-of day, UTC.")] DateOnly Day,
    [property: Description("The stored run used (`GET /api/v1/risk/var/{id}`): the day's last one-day run at the confidence.")] string RunId,
    [property: Description("Its VaR, positive USD loss.")] double Var,
    [property: Description("Realised P&L from the day's close to the next day's close, USD.")] double Pnl,
    [property: Description("Whether the loss −pnl exceeded var.")] bool Exception);
