namespace Analytics.Pricing.Market;

/// <summary>
/// The one day-count of the service: Actual/365 Fixed (PRODUCT.md §5, "tenors in years by Act/365F from the valuation
/// instant"), on instants to the tick. ISDA 2006 §4.16(d): actual elapsed time divided by 365 days, with no leap-year
/// adjustment, so one year is exactly 365 × 86,400 seconds.
/// </summary>
public static class YearFraction
{
    /// <summary>Days in the Act/365F year.</summary>
    public const double DaysPerYear = 365.0;

    /// <summary>Hours in the Act/365F year (8,760): also the annualisation of hourly funding rates.</summary>
    public const double HoursPerYear = DaysPerYear * 24.0;

    /// <summary>Seconds in the Act/365F year (31,536,000).</summary>
    public const double SecondsPerYear = DaysPerYear * 86_400.0;

    /// <summary>Act/365F year fraction from <paramref name="start"/> to <paramref name="end"/>.</summary>
    /// <param name="start">Start instant (the valuation time).</param>
    /// <param name="end">End instant (the expiry).</param>
    /// <returns>Years; negative when <paramref name="end"/> is before <paramref name="start"/>.</returns>
    public static double Act365F(DateTimeOffset start, DateTimeOffset end) => (end - start).TotalSeconds / SecondsPerYear;

    /// <summary>A duration in hours as Act/365F years.</summary>
    /// <param name="hours">Hours.</param>
    /// <returns>Years.</returns>
    public static double FromHours(double hours) => hours / HoursPerYear;
}
