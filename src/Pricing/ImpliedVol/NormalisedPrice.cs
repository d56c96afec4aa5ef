using Analytics.Pricing.Black;

namespace Analytics.Pricing.ImpliedVol;

/// <summary>
/// A Black-76 option price checked against the no-arbitrage bounds and reduced to Jäckel's normalised
/// out-of-the-money call form ("Let's Be Rational", 2015, §2): x = −|ln(F/K)| and β = time value/√(F·K),
/// the time value being the undiscounted price minus the intrinsic value (put-call parity maps an in-the-money
/// option to the out-of-the-money option of the other right, and b(−x) of a put is a call), with the upper bound
/// b_max = e^{x/2} of β (computed once here and reused by the solver).
/// </summary>
internal readonly record struct NormalisedPrice(double Beta, double X, double BMax, double IntrinsicValue, double UpperBound)
{
    /// <summary>
    /// Classifies <paramref name="price"/> against DF·(F − K)⁺ ≤ call &lt; DF·F (put: DF·(K − F)⁺ ≤ put &lt; DF·K)
    /// and normalises it. Forward, strike and discount factor are trusted positive finite values.
    /// </summary>
    /// <returns><see langword="true"/> with <paramref name="normalised"/> when a volatility exists; otherwise
    /// <see langword="false"/> with the typed <paramref name="failure"/>.</returns>
    internal static bool TryCreate(
        double price, double forward, double strike, double discountFactor, bool isCall,
        out NormalisedPrice normalised, out ImpliedVolResult failure)
    {
        double intrinsic = isCall ? Math.Max(forward - strike, 0.0) : Math.Max(strike - forward, 0.0);
        double upper = isCall ? forward : strike;
        double intrinsicValue = discountFactor * intrinsic;
        double upperBound = discountFactor * upper;
        normalised = default;

        ImpliedVolStatus status = Classify(price, discountFactor, intrinsic, upper, out double timeValue);
        if (status != ImpliedVolStatus.Solved)
        {
            failure = ImpliedVolResult.Failed(status, intrinsicValue, upperBound);
            return false;
        }

        double x = forward >= strike
            ? -BlackScholesMerton.LogRatio(forward, strike)
            : -BlackScholesMerton.LogRatio(strike, forward);
        double beta = timeValue / (Math.Sqrt(forward) * Math.Sqrt(strike));
        // b_max = e^{x/2} = √(min(F, K)/max(F, K)): off the logarithm's critical path, and within about an ulp where
        // e^{x/2} from the rounded x would carry |x|/2 ulp.
        double bMax = forward >= strike ? Math.Sqrt(strike / forward) : Math.Sqrt(forward / strike);
        if (beta >= bMax)
        {
            failure = ImpliedVolResult.Failed(ImpliedVolStatus.AboveUpperBound, intrinsicValue, upperBound);
            return false;
        }

        if (beta < DoubleLimits.MinNormal)
        {
            failure = ImpliedVolResult.Failed(ImpliedVolStatus.TimeValueTooSmall, intrinsicValue, upperBound);
            return false;
        }

        normalised = new NormalisedPrice(beta, x, bMax, intrinsicValue, upperBound);
        failure = default;
        return true;
    }

    private static ImpliedVolStatus Classify(
        double price, double discountFactor, double intrinsic, double upper, out double timeValue)
    {
        timeValue = 0.0;
        if (!double.IsFinite(price))
        {
            return ImpliedVolStatus.InvalidPrice;
        }

        if (price <= 0.0)
        {
            return ImpliedVolStatus.NonPositivePrice;
        }

        double undiscounted = price / discountFactor;
        if (undiscounted < intrinsic)
        {
            return ImpliedVolStatus.BelowIntrinsic;
        }

        if (undiscounted >= upper)
        {
            return ImpliedVolStatus.AboveUpperBound;
        }

        timeValue = undiscounted - intrinsic;
        return timeValue > 0.0 ? ImpliedVolStatus.Solved : ImpliedVolStatus.AtIntrinsic;
    }
}
