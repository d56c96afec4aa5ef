using MathNet.Numerics.Distributions;

namespace Analytics.Pricing.Risk.Backtesting;

/// <summary>
/// The Basel traffic light for a VaR backtest: Basel Committee on Banking Supervision (1996), "Supervisory framework for
/// the use of 'backtesting' in conjunction with the internal models approach to market risk capital requirements".
/// Zones by the cumulative binomial probability of the exception count under the VaR's own exceedance probability
/// (Table 1: green below 95 %, red from 99.99 %), which for 99 % VaR over 250 days gives green 0–4, yellow 5–9, red 10+;
/// the plus factor to the capital multiplier of 3 is Table 2's (5: 0.40, 6: 0.50, 7: 0.65, 8: 0.75, 9: 0.85, red: 1.00),
/// defined for 99 % VaR over 250 observations only.
/// </summary>
/// <param name="Zone">The zone.</param>
/// <param name="Exceptions">Days whose loss exceeded VaR.</param>
/// <param name="Observations">Days tested.</param>
/// <param name="CumulativeProbability">P(X ≤ exceptions) for X ~ Binomial(observations, 1 − VaR confidence).</param>
/// <param name="PlusFactor">Table 2's add-on to the multiplier; null unless 99 % VaR over 250 observations.</param>
public sealed record BaselTrafficLight(BaselZone Zone, int Exceptions, int Observations, double CumulativeProbability, double? PlusFactor)
{
    private const double YellowFrom = 0.95;
    private const double RedFrom = 0.9999;
    private static readonly double[] YellowPlusFactors = [0.40, 0.50, 0.65, 0.75, 0.85];

    /// <summary>The zone of <paramref name="exceptions"/> in <paramref name="observations"/> days for a VaR at <paramref name="varConfidence"/>.</summary>
    public static BaselTrafficLight Of(int exceptions, int observations, double varConfidence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(exceptions);
        ArgumentOutOfRangeException.ThrowIfLessThan(observations, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(exceptions, observations);
        double cumulative = Binomial.CDF(1.0 - varConfidence, observations, exceptions);
        // Table 1 rounds its cumulative probabilities to two decimals of a percent (4 exceptions: 89.22 %, 5: 95.88 %,
        // 9: 99.97 %, 10: 99.99 %); compare at that precision so the zone boundaries are the table's.
        double rounded = Math.Round(cumulative, 4, MidpointRounding.AwayFromZero);
        var zone = rounded >= RedFrom ? BaselZone.Red : rounded >= YellowFrom ? BaselZone.Yellow : BaselZone.Green;
        double? plus = null;
        if (observations == 250 && Math.Abs(varConfidence - 0.99) < 1e-12)
        {
            plus = zone switch
            {
                BaselZone.Green => 0.0,
                BaselZone.Yellow => YellowPlusFactors[Math.Clamp(exceptions - 5, 0, YellowPlusFactors.Length - 1)],
                _ => 1.0,
            };
        }

        return new BaselTrafficLight(zone, exceptions, observations, cumulative, plus);
    }
}
