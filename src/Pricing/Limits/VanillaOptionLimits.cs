using Analytics.Pricing.Black;
using Analytics.Pricing.Engines;

namespace Analytics.Pricing.Limits;

/// <summary>
/// Exact values and Greeks of vanilla options at the limits of the Black-Scholes-Merton model, where the
/// engines' formulas divide by σ√T, take ln K or ln S, or build a lattice on a zero step (issue 14 item 1):
/// T = 0, S = 0, K = 0 and σ = 0, for European and American exercise.
/// </summary>
/// <remarks>
/// <para>With ω = +1 for a call, −1 for a put, F = S·e^{bT}, DF = e^{−rT} and A = e^{(b−r)T}:</para>
/// <list type="bullet">
/// <item><b>T = 0</b>: V = max(ω(S − K), 0). Delta is the step ω·𝟙{ω(S − K) &gt; 0}; at the money (S = K) it is
/// ω/2, the limit of Black-Scholes-Merton's ωΦ(ωd₁) as T → 0 with S = K (d₁ → 0). Every other Greek is 0 (gamma's
/// Dirac mass at the strike is not reported).</item>
/// <item><b>European, σ = 0, K = 0 or S = 0</b>: the underlying's path is its forward (σ = 0), or the payoff does not
/// depend on σ (K = 0: a call pays S_T, whose discounted expectation is S·A; S = 0: S_t = 0). V = max(ω(S·A − K·DF), 0),
/// the limit of Haug's (2007, §1.1.6) formula with Φ(ωd₁), Φ(ωd₂) → w, where w = 1 in the money (ω(F − K) &gt; 0),
/// 0 out of the money, ½ at the money forward. The Greeks are Haug's (ch. 2) at that limit: Δ = ωwA, carry rho
/// ωwT·S·A, ∂V/∂r|_b = −T·V, θ = −ωw[(b − r)S·A + rK·DF], charm −ωw(b − r)A; vega S·A·√T·φ(0) at the money forward
/// (the one-sided derivative at σ = 0+), else 0; gamma, vanna, volga 0.</item>
/// <item><b>American, the same cases</b>: the path is deterministic, so the holder picks the best exercise time:
/// V = max over t ∈ [0, T] of g(t) = e^{−rt}·max(ω(S·e^{bt} − K), 0). ω(S·e^{(b−r)t} − K·e^{−rt}) has one stationary point,
/// t* = ln(rK/((r − b)S))/b, so the maximum is at 0, t* or T. Greeks by the envelope theorem at the best time: at T
/// those of the European limit; at 0 those of immediate exercise (Δ = ω, the rest 0); at t* Δ = ω·e^{(b−r)t*},
/// Γ = −ω(b − r)e^{(b−r)t*}/(bS), carry rho ωt*·S·e^{(b−r)t*}, ∂V/∂r|_b = −t*·V, the rest 0. This covers S = 0
/// (put: K·max(1, DF)) and K = 0 (call: S·max(1, A)), which hold for every σ because their payoffs are then
/// linear in S_t.</item>
/// </list>
/// <para>Rho is ∂V/∂r with the dividend yield fixed: ∂V/∂r|_b plus carry rho under
/// <see cref="CarryConvention.RateMinusDividendYield"/>, as in <see cref="BlackVanillaOptionPricer"/>.</para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
public static class VanillaOptionLimits
{
    /// <summary>How far beyond its bounds (relative, and absolute at 0) an engine's delta may be before the engine's answer is
    /// not used: lattice and finite-difference deltas carry discretisation noise of a fraction of a per cent.</summary>
    public const double DeltaTolerance = 1e-2;

    /// <summary>Relative tolerance of the American perpetual and touch-at-B∞ bounds (<see cref="BoundsViolation"/>), plus 1e-12 of S + K:
    /// on ordinary inputs the bounds are far from the value; where they meet (extreme carry) they give it, and a lattice or grid
    /// answer off by its discretisation error (quantlib-fd 9 % low on a one-day put at r = 50) is not used.</summary>
    public const double PerpetualBoundTolerance = 1e-9;

    private const double InverseSqrtTwoPi = 0.3989422804014327;

    /// <summary>Which limit, if any, the terms are at; T = 0 first, then S = 0, K = 0, σ = 0.</summary>
    /// <param name="terms">Validated terms.</param>
    /// <returns>The limit, or <see langword="null"/> when an engine can price them.</returns>
    public static VanillaOptionLimit? Of(VanillaOptionTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.TenorYears == 0.0) return VanillaOptionLimit.Expiry;
        if (terms.Spot == 0.0) return VanillaOptionLimit.ZeroSpot;
        if (terms.Strike == 0.0) return VanillaOptionLimit.ZeroStrike;
        if (terms.Volatility == 0.0) return VanillaOptionLimit.ZeroVolatility;
        return null;
    }

    /// <summary>The exact value and Greeks at the limit the terms are at (<see cref="Of"/>).</summary>
    /// <param name="terms">Terms at a limit.</param>
    /// <returns>The valuation; <see cref="VanillaOptionValuation.EuropeanPrice"/> set for American exercise;
    /// Greeks method <see cref="GreeksMethod.ClosedForm"/>.</returns>
    /// <exception cref="ArgumentException">The terms are at no limit.</exception>
    public static VanillaOptionValuation Price(VanillaOptionTerms terms) => Of(terms) switch
    {
        null => throw new ArgumentException("The terms are at no limit: price them with an engine.", nameof(terms)),
        VanillaOptionLimit.Expiry => AtExpiry(terms),
        _ => Deterministic(terms),
    };

    /// <summary>
    /// The value of inputs an engine could not price (it threw, or gave a non-finite value or one outside the
    /// no-arbitrage bounds): European by the closed form of Black-Scholes-Merton (exact for every finite input);
    /// American where early exercise is never optimal by the same; otherwise by the <c>qd-fp</c> engine
    /// (<see cref="VanillaOptionEngine.QdFp"/>) when its answer is sound; otherwise the larger of the European value and the
    /// deterministic-path value of <see cref="Price"/> at σ = 0 (immediate exercise among its candidates), a lower
    /// bound that is the exact value as σ → 0, raised to the σ → ∞ bound (call S·max(1, A), put K·max(1, DF)) when
    /// the European value is already at its own σ → ∞ bound within rounding.
    /// </summary>
    /// <param name="terms">Terms at no limit of <see cref="Of"/>.</param>
    /// <returns>The valuation (Greeks of the closed form chosen).</returns>
    public static VanillaOptionValuation Extreme(VanillaOptionTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var european = VanillaOptionEngine.FromBlack(BlackVanillaOptionPricer.Default.Price(terms.ToInputs()));
        if (terms.Style == OptionExerciseStyle.European) return european;

        var omega = terms.IsCall ? 1.0 : -1.0;
        var (s, k, t, r, b) = (terms.Spot, terms.Strike, terms.TenorYears, terms.Rate, terms.CostOfCarry);
        var growthAtT = Math.Exp((b - r) * t);
        var discount = Math.Exp(-r * t);
        var neverEarly = terms.IsCall ? b >= r && r >= 0.0 : b <= r && r <= 0.0;
        if (neverEarly) return european with { EuropeanPrice = european.Price };

        // Another engine's answer where it is sound: the Andersen-Lake-Offengenden fixed point (qd-fp) stays accurate at
        // inputs QuantLib's lattices and grids do not resolve (vol 100 over ten years).
        try
        {
            var qdFp = VanillaOptionEngine.QdFp.Price(terms.ToInputs());
            if (BoundsViolation(terms, qdFp) is null) return qdFp;
        }
        catch (Exception e) when (e is ArgumentException or ArithmeticException or InvalidOperationException)
        {
            // fall through to the closed-form bounds
        }

        // σ → ∞: the European call tends to S·A, the put to K·DF; the American ones to S·max(1, A), K·max(1, DF).
        var europeanCeiling = terms.IsCall ? s * growthAtT : k * discount;
        if (european.Price >= europeanCeiling * (1.0 - 1e-12))
        {
            var ceiling = terms.IsCall ? s * Math.Max(1.0, growthAtT) : k * Math.Max(1.0, discount);
            var exerciseNow = ceiling > europeanCeiling;
            var greeks = exerciseNow
                ? new Greeks(terms.IsCall ? 1.0 : 0.0, 0, 0, 0, 0, 0, 0, 0, 0)
                : european.Greeks;
            return new VanillaOptionValuation(exerciseNow ? ceiling : european.Price, greeks, GreeksMethod.ClosedForm,
                european.Forward, european.DiscountFactor, european.Price);
        }

        var deterministic = Deterministic(new VanillaOptionTerms(terms.Right, terms.Style, s, k, t, 0.0, r, b, terms.CarryConvention));
        var immediate = Math.Max(omega * (s - k), 0.0);
        if (deterministic.Price > european.Price && deterministic.Price >= immediate)
            return deterministic with { EuropeanPrice = european.Price };
        return european with { EuropeanPrice = european.Price };
    }

    /// <summary>
    /// Prices with an engine where it can, with the exact limit where it cannot: terms at a limit of <see cref="Of"/> get
    /// <see cref="Price"/> without calling the engine; otherwise the engine's answer is used unless the engine throws
    /// one of the exceptions engines use to refuse inputs (<see cref="ArgumentException"/>, <see cref="ArithmeticException"/>,
    /// <see cref="InvalidOperationException"/>, QuantLib's <c>QuantLibException</c>; never <c>QuantLibUnavailableException</c>,
    /// which propagates) or answers a non-finite price or Greek,
    /// or a price outside the no-arbitrage bounds (<see cref="BoundsViolation"/>); then <see cref="Extreme"/>.
    /// </summary>
    /// <typeparam name="TResult">The engine's result type.</typeparam>
    /// <param name="terms">Validated terms.</param>
    /// <param name="engine">The engine, on the engines' inputs.</param>
    /// <param name="valuationOf">The engine result's price and Greeks.</param>
    /// <returns>The engine's result or the limit, and which limit.</returns>
    public static LimitedValuation<TResult> PriceWith<TResult>(
        VanillaOptionTerms terms, Func<Black.BlackVanillaOptionInputs, TResult> engine, Func<TResult, VanillaOptionValuation> valuationOf)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(valuationOf);
        var limit = Of(terms);
        if (limit is { } atLimit) return new LimitedValuation<TResult>(default, Price(terms), atLimit);

        string failure;
        try
        {
            var result = engine(terms.ToInputs());
            var valuation = valuationOf(result);
            if (BoundsViolation(terms, valuation) is not { } violation) return new LimitedValuation<TResult>(result, valuation, null);
            failure = violation;
        }
        catch (Exception e) when (IsRefusal(e))
        {
            failure = e.Message;
        }
        return new LimitedValuation<TResult>(default, Extreme(terms), VanillaOptionLimit.ExtremeInputs, failure);
    }

    /// <summary>
    /// Whether <paramref name="e"/> is an engine refusing its inputs (<see cref="ArgumentException"/>,
    /// <see cref="ArithmeticException"/>, <see cref="InvalidOperationException"/>, QuantLib's <c>QuantLibException</c>), which
    /// <see cref="Extreme"/> answers instead; never <c>QuantLibUnavailableException</c>, a missing library, which propagates.
    /// </summary>
    public static bool IsRefusal(Exception e) => e is not QuantLib.QuantLibUnavailableException
        && e is ArgumentException or ArithmeticException or InvalidOperationException or QuantLib.QuantLibException;

    /// <summary>
    /// Why an engine's valuation cannot be right, or <see langword="null"/>: a non-finite price or Greek, or a price outside
    /// the no-arbitrage bounds with a tolerance of 1e-6 of the upper bound. European: max(0, ω(S·A − K·DF)) ≤ V ≤ S·A (call),
    /// K·DF (put) (Merton 1973; Hull 2012, ch. 11). American: max(European value (Black-Scholes-Merton), intrinsic) ≤ V ≤ S·max(1, A) (call),
    /// K·max(1, DF) (put), and within <see cref="PerpetualBoundTolerance"/> of [touch at B∞, perpetual] where the option has one
    /// boundary (a call with r ≥ 0 &lt; q, a put with q ≥ 0 &lt; r; McKean 1965, Reiner and Rubinstein 1991). Delta: ω·Δ in [0, max(1, A)] (Merton 1973: a call's value rises, a put's falls with the spot,
    /// by at most the discounted carry), with a tolerance of <see cref="DeltaTolerance"/> for lattice and finite-difference noise.
    /// </summary>
    /// <param name="terms">The terms priced.</param>
    /// <param name="valuation">The engine's valuation.</param>
    /// <returns>The reason, or null when the valuation is sound.</returns>
    public static string? BoundsViolation(VanillaOptionTerms terms, VanillaOptionValuation valuation)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var g = valuation.Greeks;
        if (!double.IsFinite(valuation.Price)) return $"the engine gave a non-finite price ({valuation.Price}).";
        if (!(double.IsFinite(g.Delta) && double.IsFinite(g.Gamma) && double.IsFinite(g.Vega) && double.IsFinite(g.Theta)
              && double.IsFinite(g.Rho) && double.IsFinite(g.CarryRho) && double.IsFinite(g.Vanna) && double.IsFinite(g.Volga)
              && double.IsFinite(g.Charm)))
            return "the engine gave a non-finite Greek.";
        var (lower, upper) = PriceBounds(terms);
        if (terms.Style == OptionExerciseStyle.American)
            lower = Math.Max(lower, BlackVanillaOptionPricer.Default.PresentValue(terms.ToInputs()));
        var tolerance = 1e-6 * upper + 1e-300;
        if (valuation.Price < lower - tolerance || valuation.Price > upper + tolerance)
            return $"the engine's price {valuation.Price} is outside the no-arbitrage bounds [{lower}, {upper}].";
        if (terms.Style == OptionExerciseStyle.American
            && American.PerpetualBounds.Of(new American.AmericanMarket(terms.IsCall, terms.Spot, terms.Strike, terms.TenorYears,
                terms.Volatility, terms.Rate, terms.CostOfCarry)) is var (touch, perpetual))
        {
            // At most the perpetual option, at least the touch-at-B∞ policy (PerpetualBounds), to rounding: quantlib-qd-fp priced a call at q = 10 (S = K = 100, T = 1, σ = 30 %) at 0.215 above the perpetual 0.166.
            var slack = 1e-12 * (terms.Spot + terms.Strike);
            if (valuation.Price > perpetual * (1.0 + PerpetualBoundTolerance) + slack
                || valuation.Price < touch * (1.0 - PerpetualBoundTolerance) - slack)
                return $"the engine's price {valuation.Price} is outside [{touch}, {perpetual}], the touch-at-B∞ and perpetual bounds of the American option.";
        }
        var deltaBound = Math.Max(1.0, Math.Exp((terms.CostOfCarry - terms.Rate) * terms.TenorYears)) * (1.0 + DeltaTolerance);
        var delta = terms.IsCall ? g.Delta : -g.Delta;
        if (delta < -DeltaTolerance || delta > deltaBound)
            return $"the engine's delta {g.Delta} is outside the no-arbitrage bounds (a {(terms.IsCall ? "call" : "put")}'s delta has the sign of ω and |Δ| ≤ max(1, e^((b−r)T))).";
        return null;
    }

    /// <summary>The no-arbitrage bounds of the price (see <see cref="BoundsViolation"/>).</summary>
    /// <param name="terms">The terms.</param>
    /// <returns>Lower and upper bound, quote currency per unit of underlying.</returns>
    public static (double Lower, double Upper) PriceBounds(VanillaOptionTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var omega = terms.IsCall ? 1.0 : -1.0;
        var a = Math.Exp((terms.CostOfCarry - terms.Rate) * terms.TenorYears);
        var discount = Math.Exp(-terms.Rate * terms.TenorYears);
        var lower = Math.Max(0.0, omega * (terms.Spot * a - terms.Strike * discount));
        var upper = terms.IsCall ? terms.Spot * a : terms.Strike * discount;
        if (terms.Style == OptionExerciseStyle.European) return (lower, upper);
        return (Math.Max(lower, Math.Max(0.0, omega * (terms.Spot - terms.Strike))),
            terms.IsCall ? terms.Spot * Math.Max(1.0, a) : terms.Strike * Math.Max(1.0, discount));
    }

    private static VanillaOptionValuation AtExpiry(VanillaOptionTerms terms)
    {
        var omega = terms.IsCall ? 1.0 : -1.0;
        var moneyness = omega * (terms.Spot - terms.Strike);
        var weight = moneyness > 0.0 ? 1.0 : moneyness < 0.0 ? 0.0 : 0.5;
        var price = Math.Max(moneyness, 0.0);
        var greeks = new Greeks(omega * weight, 0, 0, 0, 0, 0, 0, 0, 0);
        return new VanillaOptionValuation(price, greeks, GreeksMethod.ClosedForm, terms.Spot, 1.0,
            terms.Style == OptionExerciseStyle.American ? price : null);
    }

    /// <summary>The European limit value at σ = 0 (or K = 0, S = 0) and, for American exercise, the best exercise time.</summary>
    private static VanillaOptionValuation Deterministic(VanillaOptionTerms terms)
    {
        var european = EuropeanDeterministic(terms);
        if (terms.Style == OptionExerciseStyle.European) return european;

        var omega = terms.IsCall ? 1.0 : -1.0;
        var (s, k, t, r, b) = (terms.Spot, terms.Strike, terms.TenorYears, terms.Rate, terms.CostOfCarry);
        var best = european.Price;
        var bestTime = t;
        var immediate = Math.Max(omega * (s - k), 0.0);
        if (immediate > best)
        {
            best = immediate;
            bestTime = 0.0;
        }

        // g(t) = ω(S·e^{(b−r)t} − K·e^{−rt}) is stationary where e^{bt} = rK/((r − b)S).
        var stationary = double.NaN;
        if (s > 0.0 && k > 0.0 && b != 0.0 && r != 0.0 && r != b)
        {
            var ratio = r * k / ((r - b) * s);
            if (ratio > 0.0) stationary = Math.Log(ratio) / b;
        }
        if (stationary > 0.0 && stationary < t)
        {
            var interior = omega * (s * Math.Exp((b - r) * stationary) - k * Math.Exp(-r * stationary));
            if (interior > best)
            {
                best = interior;
                bestTime = stationary;
            }
        }

        if (bestTime == t) return european with { EuropeanPrice = european.Price };
        if (bestTime == 0.0)
            return new VanillaOptionValuation(best, new Greeks(omega, 0, 0, 0, 0, 0, 0, 0, 0), GreeksMethod.ClosedForm,
                european.Forward, european.DiscountFactor, european.Price);

        var growth = Math.Exp((b - r) * bestTime);
        var carryRho = omega * bestTime * s * growth;
        var rateRhoAtFixedCarry = -bestTime * best;
        var rho = rateRhoAtFixedCarry + (terms.CarryConvention == CarryConvention.RateMinusDividendYield ? carryRho : 0.0);
        var gamma = -omega * (b - r) * growth / (b * s);
        return new VanillaOptionValuation(best, new Greeks(omega * growth, gamma, 0, 0, rho, carryRho, 0, 0, 0),
            GreeksMethod.ClosedForm, european.Forward, european.DiscountFactor, european.Price);
    }

    /// <summary>V = max(ω(S·A − K·DF), 0) and its Greeks (see the remarks).</summary>
    private static VanillaOptionValuation EuropeanDeterministic(VanillaOptionTerms terms)
    {
        var omega = terms.IsCall ? 1.0 : -1.0;
        var (s, k, t, r, b) = (terms.Spot, terms.Strike, terms.TenorYears, terms.Rate, terms.CostOfCarry);
        var growth = Math.Exp(b * t);
        var discount = Math.Exp(-r * t);
        var a = Math.Exp((b - r) * t);
        var forward = s * growth;
        var moneyness = omega * (s * a - k * discount);
        var weight = moneyness > 0.0 ? 1.0 : moneyness < 0.0 ? 0.0 : 0.5;
        var price = Math.Max(moneyness, 0.0);

        var delta = omega * weight * a;
        var carryRho = omega * weight * t * s * a;
        var rho = -t * price + (terms.CarryConvention == CarryConvention.RateMinusDividendYield ? carryRho : 0.0);
        var theta = -omega * weight * ((b - r) * s * a + r * k * discount);
        var charm = -omega * weight * (b - r) * a;
        var vega = weight == 0.5 ? s * a * Math.Sqrt(t) * InverseSqrtTwoPi : 0.0;
        return new VanillaOptionValuation(price, new Greeks(delta, 0, vega, theta, rho, carryRho, 0, 0, charm),
            GreeksMethod.ClosedForm, forward, discount, terms.Style == OptionExerciseStyle.American ? price : null);
    }
}
