using Analytics.Pricing.Black;

namespace Analytics.Pricing.ImpliedVol;

/// <summary>
/// Implied lognormal (Black) volatility of European options, to machine accuracy: the σ at which the generalised
/// Black-Scholes-Merton formula (Haug, <i>The Complete Guide to Option Pricing Formulas</i>, 2nd ed. 2007, §1.1.6)
/// or Black (1976) on a forward reproduces a given price. The inversion is Peter Jäckel's "Let's Be Rational"
/// (<i>Wilmott</i> 2015, revised 2016): an accurately evaluated normalised Black function (§2–3), a four-branch
/// rational initial guess (§4–5) and Householder(3) iterations (§6), which reach full double precision in two
/// iterations for practically all inputs — deep wings, tenors from hours to decades and prices down to 1e-300
/// of the forward.
/// </summary>
/// <remarks>
/// Static, pure, thread-safe and allocation-free. Programmer errors (non-positive or non-finite forward, spot,
/// strike, tenor or discount factor; non-finite rate or carry; an undefined <see cref="OptionRight"/>) throw
/// <see cref="ArgumentOutOfRangeException"/> from the <c>Solve</c> methods. The price is market data and never
/// throws: a price for which no volatility exists (NaN, ≤ 0, below intrinsic, at or above the upper bound) comes back
/// as an <see cref="ImpliedVolResult"/> with a typed <see cref="ImpliedVolStatus"/>. The <c>TrySolve</c> methods never
/// throw at all (Math.NET <c>TryFindRoot</c> style). Accuracy is limited only by the conditioning of the price:
/// the relative vol error is about ε·price/(σ·∂price/∂σ), which is ≈ ε in the wings and grows for deep
/// in-the-money options (intrinsic dominates) and near the upper bound.
/// </remarks>
public static class ImpliedVolatility
{
    /// <summary>
    /// Implied volatility under the generalised Black-Scholes-Merton model with cost of carry b: forward
    /// F = S·e^{bT}, discount factor DF = e^{−rT}, price = DF·Black(F, K, σ√T) (Haug 2007, §1.1.6; b = r Black-Scholes,
    /// b = r − q Merton, b = r − r_f Garman-Kohlhagen, b = 0 Black-76 on a futures price as spot).
    /// </summary>
    /// <param name="price">Option present value in the quote currency per unit of underlying (any value; never throws).</param>
    /// <param name="spot">Spot price S, &gt; 0, quote currency.</param>
    /// <param name="strike">Strike K, &gt; 0, quote currency.</param>
    /// <param name="tenorYears">Time to expiry T in years (Act/365F), &gt; 0.</param>
    /// <param name="rate">Risk-free rate r, continuously compounded annualised decimal; finite.</param>
    /// <param name="costOfCarry">Cost of carry b, continuously compounded annualised decimal; finite.</param>
    /// <param name="right">Call or put.</param>
    /// <returns>The volatility (annualised decimal) with status, bounds and iteration count.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument other than the price is invalid, or e^{bT} or e^{−rT} overflows.</exception>
    public static ImpliedVolResult Solve(
        double price, double spot, double strike, double tenorYears, double rate, double costOfCarry, OptionRight right)
    {
        Guard.PositiveFinite(spot, nameof(spot));
        Guard.Finite(rate, nameof(rate));
        Guard.Finite(costOfCarry, nameof(costOfCarry));
        Guard.PositiveFinite(tenorYears, nameof(tenorYears));
        // The forward and discount factor of BlackVanillaOptionPricer, bit for bit, so that price → vol round-trips.
        BlackScholesKernel.GrowthAndDiscount(tenorYears, rate, costOfCarry, out double growth, out double discount);
        double forward = Guard.PositiveFinite(spot * growth, nameof(costOfCarry));
        double discountFactor = Guard.PositiveFinite(discount, nameof(rate));
        return SolveBlack76(price, forward, strike, tenorYears, discountFactor, right);
    }

    /// <summary>
    /// Implied volatility under Black (1976) on a forward: price = DF·[F·Φ(d₁) − K·Φ(d₂)] (call) or
    /// DF·[K·Φ(−d₂) − F·Φ(−d₁)] (put), d₁,₂ = ln(F/K)/(σ√T) ± σ√T/2 (Black, <i>J. Financial Economics</i> 3, 1976).
    /// </summary>
    /// <param name="price">Option present value in the quote currency per unit of underlying (any value; never throws).</param>
    /// <param name="forward">Forward F for delivery at expiry, &gt; 0, quote currency.</param>
    /// <param name="strike">Strike K, &gt; 0, quote currency.</param>
    /// <param name="tenorYears">Time to expiry T in years (Act/365F), &gt; 0.</param>
    /// <param name="discountFactor">Discount factor DF from expiry to valuation, &gt; 0.</param>
    /// <param name="right">Call or put.</param>
    /// <returns>The volatility (annualised decimal) with status, bounds and iteration count.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument other than the price is invalid.</exception>
    public static ImpliedVolResult SolveBlack76(
        double price, double forward, double strike, double tenorYears, double discountFactor, OptionRight right)
    {
        Guard.PositiveFinite(forward, nameof(forward));
        Guard.PositiveFinite(strike, nameof(strike));
        Guard.PositiveFinite(tenorYears, nameof(tenorYears));
        Guard.PositiveFinite(discountFactor, nameof(discountFactor));
        if (right is not (OptionRight.Call or OptionRight.Put))
        {
            Guard.Defined(right, nameof(right)); // Throws; the pattern test above spares the common case a lookup.
        }

        return SolveTrusted(price, forward, strike, tenorYears, discountFactor, right == OptionRight.Call,
            LetsBeRational.DefaultMaximumIterations);
    }

    /// <summary>
    /// Generalised BSM implied volatility (see <see cref="Solve"/>) that never throws: <see langword="false"/> for
    /// invalid arguments and for every status other than <see cref="ImpliedVolStatus.Solved"/>.
    /// </summary>
    /// <param name="price">Option present value, quote currency.</param>
    /// <param name="spot">Spot price S, quote currency.</param>
    /// <param name="strike">Strike K, quote currency.</param>
    /// <param name="tenorYears">Time to expiry T in years.</param>
    /// <param name="rate">Risk-free rate r, continuously compounded annualised decimal.</param>
    /// <param name="costOfCarry">Cost of carry b, continuously compounded annualised decimal.</param>
    /// <param name="right">Call or put.</param>
    /// <param name="lognormalVol">The implied volatility (annualised decimal) when solved; otherwise NaN.</param>
    /// <returns><see langword="true"/> when a volatility was found.</returns>
    public static bool TrySolve(
        double price, double spot, double strike, double tenorYears, double rate, double costOfCarry, OptionRight right,
        out double lognormalVol)
    {
        lognormalVol = double.NaN;
        if (!double.IsFinite(rate) || !double.IsFinite(costOfCarry) || !IsPositiveFinite(spot) || !IsPositiveFinite(tenorYears))
        {
            return false;
        }

        BlackScholesKernel.GrowthAndDiscount(tenorYears, rate, costOfCarry, out double growth, out double discountFactor);
        return TrySolveBlack76(price, spot * growth, strike, tenorYears, discountFactor, right, out lognormalVol);
    }

    /// <summary>
    /// Black-76 implied volatility (see <see cref="SolveBlack76"/>) that never throws: <see langword="false"/> for
    /// invalid arguments and for every status other than <see cref="ImpliedVolStatus.Solved"/>.
    /// </summary>
    /// <param name="price">Option present value, quote currency.</param>
    /// <param name="forward">Forward F, quote currency.</param>
    /// <param name="strike">Strike K, quote currency.</param>
    /// <param name="tenorYears">Time to expiry T in years.</param>
    /// <param name="discountFactor">Discount factor DF.</param>
    /// <param name="right">Call or put.</param>
    /// <param name="lognormalVol">The implied volatility (annualised decimal) when solved; otherwise NaN.</param>
    /// <returns><see langword="true"/> when a volatility was found.</returns>
    public static bool TrySolveBlack76(
        double price, double forward, double strike, double tenorYears, double discountFactor, OptionRight right,
        out double lognormalVol)
    {
        lognormalVol = double.NaN;
        if (!IsPositiveFinite(forward) || !IsPositiveFinite(strike) || !IsPositiveFinite(tenorYears)
            || !IsPositiveFinite(discountFactor) || !Enum.IsDefined(right))
        {
            return false;
        }

        ImpliedVolResult result = SolveTrusted(price, forward, strike, tenorYears, discountFactor, right == OptionRight.Call,
            LetsBeRational.DefaultMaximumIterations);
        if (!result.IsSolved)
        {
            return false;
        }

        lognormalVol = result.LognormalVol;
        return true;
    }

    /// <summary>
    /// Trusted core (arguments other than the price already validated), with an iteration cap so that tests can
    /// observe Jäckel's claim of two iterations (or fewer) to full accuracy.
    /// </summary>
    internal static ImpliedVolResult SolveTrusted(
        double price, double forward, double strike, double tenorYears, double discountFactor, bool isCall, int maximumIterations)
    {
        // 1/√T off the critical path (it does not depend on the iteration), so the result costs a multiplication.
        double inverseSqrtTenor = 1.0 / Math.Sqrt(tenorYears);
        if (!NormalisedPrice.TryCreate(price, forward, strike, discountFactor, isCall, out NormalisedPrice normalised, out ImpliedVolResult failure))
        {
            return failure;
        }

        double totalStdDev = LetsBeRational.NormalisedVolatility(
            normalised.Beta, normalised.X, normalised.BMax, maximumIterations, out int iterations);
        return ImpliedVolResult.Solved(totalStdDev * inverseSqrtTenor, normalised.IntrinsicValue, normalised.UpperBound, iterations);
    }

    private static bool IsPositiveFinite(double value) => double.IsFinite(value) && value > 0.0;
}
