using Analytics.Pricing.Distributions;

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
/// The price itself comes from <see cref="BlackScholesMerton.Price"/>, which keeps deep
/// out-of-the-money values accurate.
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

        double spot = inputs.Spot;
        double strike = inputs.Strike;
        double tenor = inputs.TenorYears;
        double sigma = inputs.Volatility;
        double rate = inputs.Rate;
        double carry = inputs.CostOfCarry;
        bool isCall = inputs.Right == OptionRight.Call;
        double omega = isCall ? 1.0 : -1.0;

        double sqrtTenor = Math.Sqrt(tenor);
        double stdDev = sigma * sqrtTenor;
        double forward = spot * Math.Exp(carry * tenor);
        double discountFactor = Math.Exp(-rate * tenor);
        double carryFactor = Math.Exp((carry - rate) * tenor); // A = e^{(b−r)T} = F·DF/S

        double price = discountFactor * BlackScholesMerton.UndiscountedPrice(forward, strike, stdDev, isCall);

        double logMoneyness = Math.Log(forward / strike);
        double d1 = logMoneyness / stdDev + 0.5 * stdDev;
        double d2 = d1 - stdDev;
        double density1 = StandardNormal.Pdf(d1);
        double cdf1 = StandardNormal.Cdf(omega * d1);
        double cdf2 = StandardNormal.Cdf(omega * d2);

        double delta = omega * carryFactor * cdf1;
        double gamma = carryFactor * density1 / (spot * stdDev);
        double vega = spot * carryFactor * density1 * sqrtTenor;
        double theta = -spot * carryFactor * density1 * sigma / (2.0 * sqrtTenor)
                       - omega * (carry - rate) * spot * carryFactor * cdf1
                       - omega * rate * strike * discountFactor * cdf2;
        double carryRho = omega * tenor * spot * carryFactor * cdf1;
        double rhoCarryFixed = -tenor * price;
        double rho = inputs.CarryConvention == CarryConvention.RateMinusDividendYield
            ? rhoCarryFixed + carryRho
            : rhoCarryFixed;
        double vanna = -carryFactor * density1 * d2 / sigma;
        double volga = vega * d1 * d2 / sigma;
        double charm = -carryFactor * (density1 * (carry / stdDev - d2 / (2.0 * tenor))
                                       + omega * (carry - rate) * cdf1);

        var greeks = new Greeks(delta, gamma, vega, theta, rho, carryRho, vanna, volga, charm);
        return new BlackVanillaOptionResult(price, forward, discountFactor, greeks);
    }
}
