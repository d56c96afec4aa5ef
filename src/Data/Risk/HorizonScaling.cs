namespace Analytics.Data.Risk;

/// <summary>How a one-day history becomes an h-day horizon (API.md <c>horizonScaling</c>).</summary>
public enum HorizonScaling
{
    /// <summary>Overlapping h-day returns from the daily closes.</summary>
    Overlapping = 0,

    /// <summary>One-day figures scaled by √h.</summary>
    SqrtTime = 1,
}
