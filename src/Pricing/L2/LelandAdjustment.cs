namespace Analytics.Pricing.L2;

/// <summary>
/// The outcome of <see cref="LelandSpreadAdjuster.Adjust"/> (Leland 1985, J. Finance 40(5)). An immutable value.
/// </summary>
/// <param name="RoundTripCostRate">Round-trip proportional cost k, decimal of notional.</param>
/// <param name="LelandNumber">Le = sqrt(2/π)·k/(σ·sqrt(Δt)), dimensionless.</param>
/// <param name="Volatility">The unadjusted (mid) volatility σ, annualised decimal.</param>
/// <param name="VolBid">Buyer's volatility σ·sqrt(max(0, 1 − Le)), annualised decimal, ≥ 0.</param>
/// <param name="VolAsk">Writer's volatility σ·sqrt(1 + Le), annualised decimal, ≥ σ.</param>
public readonly record struct LelandAdjustment(
    double RoundTripCostRate, double LelandNumber, double Volatility, double VolBid, double VolAsk)
{
    /// <summary>Whether Le ≥ 1, so the bid vol is zero and the bid falls to the discounted intrinsic value.</summary>
    public bool BidFloorHit => VolBid == 0.0;
}
