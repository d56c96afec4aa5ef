namespace Analytics.Pricing.Black;

/// <summary>
/// Inputs of a European vanilla option under the generalised Black-Scholes-Merton model with a cost of
/// carry b (Haug, <i>The Complete Guide to Option Pricing Formulas</i>, 2nd ed. 2007, §1.1.6):
/// b = r gives Black-Scholes (1973), b = r − q Merton (1973), b = r − r_f Garman-Kohlhagen (1983),
/// b = 0 Black (1976) on a forward. Rates and volatility are annualised decimals, rates continuously
/// compounded (PRODUCT.md §5). Immutable; every property is validated on construction and in
/// <c>with</c> expressions, throwing <see cref="ArgumentOutOfRangeException"/> for programmer errors.
/// </summary>
public sealed record BlackVanillaOptionInputs
{
    /// <summary>
    /// Creates validated inputs with an explicit cost of carry.
    /// </summary>
    /// <param name="right">Call or put.</param>
    /// <param name="spot">Spot price S of the underlying (the forward F for Black-76), &gt; 0, quote currency.</param>
    /// <param name="strike">Strike K, &gt; 0, quote currency.</param>
    /// <param name="tenorYears">Time to expiry T in years (Act/365F), &gt; 0.</param>
    /// <param name="volatility">Lognormal volatility σ, annualised decimal, &gt; 0.</param>
    /// <param name="rate">Risk-free rate r used for discounting, continuously compounded annualised decimal; any finite value.</param>
    /// <param name="costOfCarry">Cost of carry b (forward F = S·e^{bT}), annualised decimal; any finite value.</param>
    /// <param name="carryConvention">Whether b moves with r (b = r − q) or is held fixed; decides what Rho holds fixed.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is not finite, a price, tenor or volatility is ≤ 0,
    /// or an enum value is undefined.</exception>
    public BlackVanillaOptionInputs(
        OptionRight right,
        double spot,
        double strike,
        double tenorYears,
        double volatility,
        double rate,
        double costOfCarry,
        CarryConvention carryConvention)
    {
        Right = right;
        Spot = spot;
        Strike = strike;
        TenorYears = tenorYears;
        Volatility = volatility;
        Rate = rate;
        CostOfCarry = costOfCarry;
        CarryConvention = carryConvention;
    }

    /// <summary>Call or put.</summary>
    public OptionRight Right { get; init => field = Guard.Defined(value, nameof(Right)); }

    /// <summary>Spot price S of the underlying (the forward F for Black-76), &gt; 0, in the quote currency.</summary>
    public double Spot { get; init => field = Guard.PositiveFinite(value, nameof(Spot)); }

    /// <summary>Strike K, &gt; 0, in the quote currency.</summary>
    public double Strike { get; init => field = Guard.PositiveFinite(value, nameof(Strike)); }

    /// <summary>Time to expiry T in years (Act/365F from the valuation instant), &gt; 0.</summary>
    public double TenorYears { get; init => field = Guard.PositiveFinite(value, nameof(TenorYears)); }

    /// <summary>Lognormal (Black) volatility σ, annualised decimal (0.8 = 80 %), &gt; 0.</summary>
    public double Volatility { get; init => field = Guard.PositiveFinite(value, nameof(Volatility)); }

    /// <summary>Risk-free rate r, continuously compounded annualised decimal; DF = e^{−rT}.</summary>
    public double Rate { get; init => field = Guard.Finite(value, nameof(Rate)); }

    /// <summary>Cost of carry b, continuously compounded annualised decimal; forward F = S·e^{bT}.</summary>
    public double CostOfCarry { get; init => field = Guard.Finite(value, nameof(CostOfCarry)); }

    /// <summary>Whether b = r − q moves with r or is held fixed (see <see cref="Black.CarryConvention"/>).</summary>
    public CarryConvention CarryConvention { get; init => field = Guard.Defined(value, nameof(CarryConvention)); }

    /// <summary>
    /// Merton (1973) inputs for an underlying paying a continuous dividend yield q: b = r − q with q held
    /// fixed, so Rho moves the carry with the rate (Haug 2007, §1.1.6; Hull, <i>Options, Futures, and
    /// Other Derivatives</i>, 8th ed. 2012, ch. 17 on index and currency options).
    /// </summary>
    /// <param name="right">Call or put.</param>
    /// <param name="spot">Spot price S, &gt; 0, quote currency.</param>
    /// <param name="strike">Strike K, &gt; 0, quote currency.</param>
    /// <param name="tenorYears">Time to expiry T in years, &gt; 0.</param>
    /// <param name="volatility">Lognormal volatility σ, annualised decimal, &gt; 0.</param>
    /// <param name="rate">Risk-free rate r, continuously compounded annualised decimal.</param>
    /// <param name="dividendYield">Continuous dividend yield q, annualised decimal.</param>
    /// <returns>Validated inputs with b = r − q and <see cref="CarryConvention.RateMinusDividendYield"/>.</returns>
    public static BlackVanillaOptionInputs WithDividendYield(
        OptionRight right, double spot, double strike, double tenorYears, double volatility, double rate, double dividendYield)
    {
        Guard.Finite(rate, nameof(rate));
        Guard.Finite(dividendYield, nameof(dividendYield));
        return new BlackVanillaOptionInputs(
            right, spot, strike, tenorYears, volatility, rate, rate - dividendYield, CarryConvention.RateMinusDividendYield);
    }

    /// <summary>
    /// Black (1976) inputs on a forward or futures price F: the same formula with S = F and b = 0 held
    /// fixed, discounting at r (Haug 2007, §1.1.3 and §1.1.6; Hull, <i>Options, Futures, and Other
    /// Derivatives</i>, 8th ed. 2012, ch. 18 on futures options). Delta is then ∂V/∂F and Rho = −T·V.
    /// </summary>
    /// <param name="right">Call or put.</param>
    /// <param name="forward">Forward price F for delivery at expiry, &gt; 0, quote currency.</param>
    /// <param name="strike">Strike K, &gt; 0, quote currency.</param>
    /// <param name="tenorYears">Time to expiry T in years, &gt; 0.</param>
    /// <param name="volatility">Lognormal volatility σ of the forward, annualised decimal, &gt; 0.</param>
    /// <param name="rate">Discount rate r, continuously compounded annualised decimal.</param>
    /// <returns>Validated inputs with b = 0 and <see cref="CarryConvention.Fixed"/>.</returns>
    public static BlackVanillaOptionInputs OnForward(
        OptionRight right, double forward, double strike, double tenorYears, double volatility, double rate) =>
        new(right, forward, strike, tenorYears, volatility, rate, 0.0, CarryConvention.Fixed);
}
