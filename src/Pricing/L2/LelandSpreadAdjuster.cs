namespace Analytics.Pricing.L2;

/// <summary>
/// Leland's (1985) adjustment of the Black-Scholes volatility for discrete re-hedging with proportional
/// transaction costs: Leland, "Option Pricing and Replication with Transactions Costs", <i>Journal of Finance</i>
/// 40(5), 1985, pp. 1283–1301. With round-trip proportional cost k and re-hedge interval Δt (years), the Leland
/// number is Le = sqrt(2/π)·k/(σ·sqrt(Δt)); the option writer (short gamma) must charge σ_ask = σ·sqrt(1 + Le)
/// and a long-gamma hedger can pay at most σ_bid = σ·sqrt(max(0, 1 − Le)) (PRODUCT.md §3.4 part 4). On a chain,
/// k = 2·(takerFeeRate + gasCostUsd / hedgeNotionalUsd): cheaper gas means a smaller k, hence a tighter spread.
/// </summary>
/// <remarks>Static and pure. With k = 0 the adjusted vols equal σ exactly (sqrt(1) = 1).</remarks>
public static class LelandSpreadAdjuster
{
    /// <summary>sqrt(2/π), the mean of |Z| for a standard normal Z (Leland 1985, eq. 11).</summary>
    public static readonly double SqrtTwoOverPi = Math.Sqrt(2.0 / Math.PI);

    /// <summary>
    /// Round-trip proportional cost of one re-hedge: k = 2·(takerFeeRate + gasCostUsd / hedgeNotionalUsd)
    /// (a buy and a sell each pay the fee and one transaction's gas).
    /// </summary>
    /// <param name="takerFeeRate">Proportional taker fee, decimal of notional, ≥ 0.</param>
    /// <param name="gasCostUsd">Gas cost of one hedge transaction in USD, ≥ 0.</param>
    /// <param name="hedgeNotionalUsd">Notional of one re-hedge in USD, &gt; 0.</param>
    /// <returns>k as a decimal of notional, ≥ 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range or not finite.</exception>
    public static double RoundTripCostRate(double takerFeeRate, double gasCostUsd, double hedgeNotionalUsd)
    {
        L2Guard.NonNegativeFinite(takerFeeRate, nameof(takerFeeRate));
        L2Guard.NonNegativeFinite(gasCostUsd, nameof(gasCostUsd));
        Guard.PositiveFinite(hedgeNotionalUsd, nameof(hedgeNotionalUsd));
        return 2.0 * (takerFeeRate + gasCostUsd / hedgeNotionalUsd);
    }

    /// <summary>The Leland number Le = sqrt(2/π)·k/(σ·sqrt(Δt)) (Leland 1985, eq. 11).</summary>
    /// <param name="roundTripCostRate">Round-trip proportional cost k, decimal, ≥ 0.</param>
    /// <param name="volatility">Lognormal volatility σ, annualised decimal, &gt; 0.</param>
    /// <param name="rehedgeIntervalYears">Re-hedge interval Δt in years, &gt; 0.</param>
    /// <returns>Le, dimensionless, ≥ 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range or not finite.</exception>
    public static double LelandNumber(double roundTripCostRate, double volatility, double rehedgeIntervalYears)
    {
        L2Guard.NonNegativeFinite(roundTripCostRate, nameof(roundTripCostRate));
        Guard.PositiveFinite(volatility, nameof(volatility));
        Guard.PositiveFinite(rehedgeIntervalYears, nameof(rehedgeIntervalYears));
        return SqrtTwoOverPi * roundTripCostRate / (volatility * Math.Sqrt(rehedgeIntervalYears));
    }

    /// <summary>
    /// The bid and ask vols of Leland (1985): σ_ask = σ·sqrt(1 + Le), σ_bid = σ·sqrt(max(0, 1 − Le)).
    /// </summary>
    /// <param name="volatility">Lognormal volatility σ, annualised decimal, &gt; 0.</param>
    /// <param name="roundTripCostRate">Round-trip proportional cost k, decimal, ≥ 0.</param>
    /// <param name="rehedgeIntervalYears">Re-hedge interval Δt in years, &gt; 0.</param>
    /// <returns>k, Le and the adjusted vols; <see cref="LelandAdjustment.BidFloorHit"/> when Le ≥ 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range or not finite.</exception>
    public static LelandAdjustment Adjust(double volatility, double roundTripCostRate, double rehedgeIntervalYears)
    {
        double le = LelandNumber(roundTripCostRate, volatility, rehedgeIntervalYears);
        double volAsk = volatility * Math.Sqrt(1.0 + le);
        double volBid = volatility * Math.Sqrt(Math.Max(0.0, 1.0 - le));
        return new LelandAdjustment(roundTripCostRate, le, volatility, volBid, volAsk);
    }
}
