namespace Analytics.Data.Risk;

/// <summary>One day of a stored-VaR backtest: the run used and the realised P&amp;L it is compared with, or why the day was skipped.</summary>
/// <param name="Day">The run's as-of day (UTC).</param>
/// <param name="RunId">The run used (the day's last one-day run at the confidence); null when there was none.</param>
/// <param name="ValueAtRisk">Its VaR, USD; null when skipped before it was read.</param>
/// <param name="ProfitAndLoss">Realised P&amp;L from the day's close to the next day's close, USD; null when skipped.</param>
/// <param name="SkipReason">Why the day is not a pair; null for a pair.</param>
public sealed record StoredVarBacktestDay(DateOnly Day, string? RunId, double? ValueAtRisk, double? ProfitAndLoss, string? SkipReason);
