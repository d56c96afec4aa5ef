namespace Analytics.Data.Market.Stored;

/// <summary>A stored interval of log-moneyness with negative density (g &lt; 0).</summary>
internal sealed record ButterflyViolationRecord(double FromLogMoneyness, double ToLogMoneyness, double MinimumG, double LogMoneynessAtMinimum);
