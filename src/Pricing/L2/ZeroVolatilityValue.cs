using Analytics.Pricing.Engines;

namespace Analytics.Pricing.L2;

/// <summary>
/// The value of a vanilla option when the volatility is zero, where the underlying grows deterministically as
/// S·e^{bt}: the discounted intrinsic value of the forward e^{−rT}·max(ω(F − K), 0) for a European option
/// (PRODUCT.md §3.4 part 4, the Leland bid floor), and for an American option the best exercise time,
/// max over t ∈ [0, T] of e^{−rt}·max(ω(S·e^{bt} − K), 0) (Merton 1973's bounds; Haug 2007, §3.1). The maximum
/// is at t = 0, t = T or the stationary point (r − b)·S·e^{bt} = r·K, all of which are evaluated.
/// </summary>
internal static class ZeroVolatilityValue
{
    /// <summary>Zero-vol present value per unit of underlying (discounting over T only, no settlement delay).</summary>
    internal static double Value(
        OptionExerciseStyle style, bool isCall, double spot, double strike, double tenorYears, double rate, double costOfCarry)
    {
        double atExpiry = Discounted(isCall, spot, strike, tenorYears, rate, costOfCarry);
        if (style == OptionExerciseStyle.European)
        {
            return atExpiry;
        }

        double best = Math.Max(atExpiry, Discounted(isCall, spot, strike, 0.0, rate, costOfCarry));
        if (costOfCarry != 0.0 && rate != costOfCarry)
        {
            double ratio = rate * strike / ((rate - costOfCarry) * spot);
            if (ratio > 0.0)
            {
                double stationary = Math.Log(ratio) / costOfCarry;
                if (stationary > 0.0 && stationary < tenorYears)
                {
                    best = Math.Max(best, Discounted(isCall, spot, strike, stationary, rate, costOfCarry));
                }
            }
        }

        return best;
    }

    private static double Discounted(bool isCall, double spot, double strike, double time, double rate, double costOfCarry)
    {
        double forward = spot * Math.Exp(costOfCarry * time);
        double intrinsic = isCall ? forward - strike : strike - forward;
        return intrinsic > 0.0 ? Math.Exp(-rate * time) * intrinsic : 0.0;
    }
}
