using Analytics.Data.Queries;

namespace Analytics.Data.Tests.Queries;

/// <summary>The time-weighted funding summary that feeds the pricing model's carry.</summary>
public sealed class FundingSummaryTests
{
    [Fact]
    public void Compute_EqualIntervals_AnnualisesTheMeanRate()
    {
        var summary = FundingSummary.Compute([(0.0001, 8), (0.0002, 8), (0.0003, 8)])!;

        Assert.Equal(3, summary.Observations);
        Assert.Equal(0.0002, summary.MeanRatePerInterval, 15);
        Assert.Equal(0.0002 * 8760 / 8, summary.AnnualisedRate, 15); // 21.9 % a year
        Assert.Equal((0.0001, 0.0003, 24.0), (summary.Min, summary.Max, summary.HoursCovered));
    }

    [Fact]
    public void Compute_MixedIntervals_WeightsEachRateByTheHoursItCovers()
    {
        // 8 hourly payments of 0.00001 (dYdX-style) and one 8-hour payment of 0.0001 (CEX-style), over 16 hours.
        var observations = Enumerable.Repeat((0.00001, 1.0), 8).Append((0.0001, 8.0)).ToList();

        var summary = FundingSummary.Compute(observations)!;

        Assert.Equal(8760 * (8 * 0.00001 + 0.0001) / 16, summary.AnnualisedRate, 15);
        Assert.Equal((8 * 0.00001 + 0.0001 * 8) / 16, summary.MeanRatePerInterval, 15);
    }

    [Fact]
    public void Compute_NoObservations_IsNull()
    {
        Assert.Null(FundingSummary.Compute([]));
    }
}
