using Analytics.Pricing.Market;

namespace Analytics.Pricing.Tests.Market;

/// <summary>
/// Actual/365 Fixed as ISDA 2006 §4.16(d) defines it: actual days (here, elapsed time) over 365, with no leap-year
/// adjustment, so a leap year is 366/365 years (OpenGamma Strata's <c>DayCounts.ACT_365F</c> gives the same).
/// </summary>
public sealed class YearFractionTests
{
    public static TheoryData<string, string, double> IsdaCases => new()
    {
        { "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z", 1.0 },
        { "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z", 366.0 / 365.0 }, // leap year: no adjustment
        { "2026-03-27T08:00:00Z", "2026-03-28T08:00:00Z", 1.0 / 365.0 },
        { "2026-03-27T08:00:00Z", "2026-03-27T20:00:00Z", 0.5 / 365.0 },
        { "2026-03-28T08:00:00Z", "2026-03-27T08:00:00Z", -1.0 / 365.0 }, // end before start
    };

    [Theory]
    [MemberData(nameof(IsdaCases))]
    public void Act365F_ElapsedDaysOver365_MatchesIsdaDefinition(string start, string end, double expectedYears)
    {
        var years = YearFraction.Act365F(DateTimeOffset.Parse(start), DateTimeOffset.Parse(end));

        Assert.Equal(expectedYears, years, 15);
    }

    [Fact]
    public void FromHours_OneAct365FYear_IsOne()
    {
        Assert.Equal(8760.0, YearFraction.HoursPerYear);
        Assert.Equal(1.0, YearFraction.FromHours(8760.0), 15);
        Assert.Equal(7.0 / 365.0, YearFraction.FromHours(168.0), 15);
    }
}
