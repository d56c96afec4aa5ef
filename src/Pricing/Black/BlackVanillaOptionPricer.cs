namespace Analytics.Pricing.Black;

/// <summary>
/// Prices European vanilla options under the generalised Black-Scholes-Merton model with cost of carry
/// b, and Black-76 on forwards, with closed-form Greeks (Haug, <i>The Complete Guide to Option Pricing
/// Formulas</i>, 2nd ed. 2007, §1.1.6 for the price, ch. 2 for the Greeks). The contract pricer of the
/// formula → pricer → calculator flow (STYLE.md; cf. Strata's <c>BlackFxVanillaOptionProductPricer</c>).
/// </summary>
/// <remarks>
/// Stateless and thread-safe: use <see cref="Default"/>. With A = e^{(b−r)T}, s = σ√T,
/// d₁ = (ln(S/K) + (b + σ²/2)T)/s, d₂ = d₁ − s and ω = +1 (call) or −1 (put):
/// V = ω[S·A·Φ(ωd₁) − K·e^{−rT}·Φ(ωd₂)], Δ = ωAΦ(ωd₁), Γ = Aφ(d₁)/(S·s), vega = S·A·φ(d₁)√T,
/// θ = ∂V/∂t = −S·A·φ(d₁)σ/(2√T) − ω(b − r)S·A·Φ(ωd₁) − ωrK·e^{−rT}Φ(ωd₂),
/// ∂V/∂b = ωT·S·A·Φ(ωd₁), ∂V/∂r|_b = −T·V, vanna = −Aφ(d₁)d₂/σ, volga = vega·d₁d₂/σ,
/// charm = ∂Δ/∂t = −A[φ(d₁)(b/(σ√T) − d₂/(2T)) + ω(b − r)Φ(ωd₁)].
/// The price keeps deep out-of-the-money values accurate as <see cref="BlackScholesMerton.Price"/> does; one
/// logarithm and three exponentials serve the price and all Greeks, and nothing is allocated;
/// <see cref="PriceFirstOrder"/> skips the second-order Greeks.
/// </remarks>
public sealed class BlackVanillaOptionPricer
{
    /// <summary>The shared stateless instance.</summary>
    public static readonly BlackVanillaOptionPricer Default = new();

    private BlackVanillaOptionPricer()
    {
    }

    /// <summary>
    /// Present value, forward, discount factor and closed-form Greeks of a European vanilla option
    /// (Haug 2007, §1.1.6 and ch. 2). Greeks follow API.md: plain partial derivatives, vega per 1.00 of
    /// volatility, theta and charm per year of calendar time (∂/∂t = −∂/∂T), rho per 1.00 of rate with the
    /// dividend yield fixed (b moves with r only under <see cref="CarryConvention.RateMinusDividendYield"/>).
    /// </summary>
    /// <param name="inputs">Validated option and market inputs.</param>
    /// <returns>The price (quote currency per unit of underlying) and its sensitivities.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null.</exception>
    public BlackVanillaOptionResult Price(BlackVanillaOptionInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);

        return BlackScholesKernel.Evaluate(
            inputs.Spot,
            inputs.Strike,
            inputs.TenorYears,
            inputs.Volatility,
            inputs.Rate,
            inputs.CostOfCarry,
            inputs.Right == OptionRight.Call,
            inputs.CarryConvention == CarryConvention.RateMinusDividendYield);
    }

    /// <summary>
    /// Present value, forward, discount factor and the first-order Greeks (delta, gamma, vega, theta, rho, carry rho)
    /// of a European vanilla option, without vanna, volga and charm: each output equals the corresponding output of
    /// <see cref="Price"/> bit for bit (same operations, Haug 2007, §1.1.6 and ch. 2), at lower cost.
    /// </summary>
    /// <param name="inputs">Validated option and market inputs.</param>
    /// <returns>The price and its first-order sensitivities (units as <see cref="Pricing.Greeks"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null.</exception>
    public BlackVanillaFirstOrderResult PriceFirstOrder(BlackVanillaOptionInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);

        return BlackScholesKernel.EvaluateFirstOrder(
            inputs.Spot,
            inputs.Strike,
            inputs.TenorYears,
            inputs.Volatility,
            inputs.Rate,
            inputs.CostOfCarry,
            inputs.Right == OptionRight.Call,
            inputs.CarryConvention == CarryConvention.RateMinusDividendYield);
    }

    /// <summary>
    /// Present value only, without the Greeks: equal to <c>Price(inputs).Price</c> bit for bit, at a fraction of
    /// the cost (Haug 2007, §1.1.6: V = DF·[F·Φ(d₁) − K·Φ(d₂)] for a call, with the out-of-the-money treatment of
    /// <see cref="BlackScholesMerton"/>).
    /// </summary>
    /// <param name="inputs">Validated option and market inputs.</param>
    /// <returns>Present value V in the quote currency per unit of underlying, ≥ 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null.</exception>
    public double PresentValue(BlackVanillaOptionInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return BlackScholesKernel.PresentValue(
            inputs.Spot,
            inputs.Strike,
            inputs.TenorYears,
            inputs.Volatility * Math.Sqrt(inputs.TenorYears),
            inputs.Rate,
            inputs.CostOfCarry,
            inputs.Right == OptionRight.Call);
    }
}
