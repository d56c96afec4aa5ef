using Analytics.Pricing.Market;

namespace Analytics.Data.Queries;

/// <summary>
/// Summary of funding observations. Each observation pays <c>rate</c> for the <c>intervalHours</c> that end at its
/// timestamp, so time-weighting by hours gives <see cref="AnnualisedRate"/> = 8760 × Σ rate / Σ hours (for equal
/// intervals: mean rate × 8760 / intervalHours, simple not compounded) and <see cref="MeanRatePerInterval"/> = the
/// hour-weighted mean rate.
/// </summary>
public sealed record FundingSummary(int Observations, double MeanRatePerInterval, double AnnualisedRate, double Min, double Max, double HoursCovered)
{

    /// <summary>Null for no observations. Rates are decimals per interval; hours &gt; 0.</summary>
    public static FundingSummary? Compute(IEnumerable<(double RatePerInterval, double IntervalHours)> observations)
    {
        int n = 0;
        double sumRate = 0, sumHours = 0, sumRateHours = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var (rate, hours) in observations)
        {
            n++;
            sumRate += rate;
            sumHours += hours;
            sumRateHours += rate * hours;
            min = Math.Min(min, rate);
            max = Math.Max(max, rate);
        }
        return n == 0 ? null : new FundingSummary(n, sumRateHours / sumHours, YearFraction.HoursPerYear * sumRate / sumHours, min, max, sumHours);
    }
}
