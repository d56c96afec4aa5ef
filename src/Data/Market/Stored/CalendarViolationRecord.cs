namespace Analytics.Data.Market.Stored;

/// <summary>A stored interval of log-moneyness where total variance falls from one expiry to the next.</summary>
internal sealed record CalendarViolationRecord(
    DateTimeOffset EarlierExpiry,
    DateTimeOffset LaterExpiry,
    double FromLogMoneyness,
    double ToLogMoneyness,
    double MaximumDeficit,
    double LogMoneynessAtMaximum);
