using System.ComponentModel;

namespace Analytics.Api.Contracts.Surfaces;

/// <summary>An interval of log-moneyness where total variance falls from one expiry to the next.</summary>
public sealed record CalendarViolationResponse(
    [property: Description("Earlier expiry, UTC.")] DateTimeOffset EarlierExpiry,
    [property: Description("Later expiry, UTC.")] DateTimeOffset LaterExpiry,
    [property: Description("First k of the interval.")] double FromLogMoneyness,
    [property: Description("Last k of the interval.")] double ToLogMoneyness,
    [property: Description("Largest w(k, T₁) − w(k, T₂) on the interval (total variance).")] double MaximumDeficit,
    [property: Description("k of that maximum.")] double LogMoneynessAtMaximum);
