using Analytics.Pricing.Distributions;

namespace Analytics.Pricing.American;

/// <summary>
/// Two closed-form bounds of an American option with one exercise boundary that pin its value at extreme cost of carry
/// (issue 14 item 1: a call at q = 10, a put at r = 10). Upper: the perpetual American option (McKean 1965; Merton 1973,
/// "Theory of rational option pricing", §8; Haug, <i>The Complete Guide to Option Pricing Formulas</i>, 2nd ed. 2007, §3.1
/// with T → ∞), whose holder can copy any finite-tenor policy. Lower: the policy "exercise when the spot first touches the
/// perpetual boundary B∞ before expiry, else let the option lapse", worth (B∞ − K)·E[e^{−rτ}; τ ≤ T] by the first-passage law
/// of a Brownian motion with drift (the "cash-or-nothing at hit" of Reiner and Rubinstein 1991, Haug 2007 §4.19.5), taken
/// with the European price and the intrinsic value.
/// </summary>
/// <remarks>
/// <para>Where they do not apply (a call with q ≤ 0, a put with r ≤ 0) an estimate is still held to Merton's model-free bounds
/// (<see cref="ModelFree"/>), which never pin it.</para>
/// <para>Puts are bounded as the calls they map to, P(S, K, T, r, q, σ) = C(K, S, T, q, r, σ) (McDonald and Schroder,
/// <i>J. Comput. Finance</i> 1(3), 1998). The bounds exist for every call with q &gt; 0, whatever r (every put with r &gt; 0,
/// whatever q): the perpetual root β = ½ − b/σ² + √((b/σ² − ½)² + 2r/σ²) is real and above 1, because the radicand equals the
/// mapped put's (b/σ² + ½)² + 2q/σ² &gt; 0 and β = 1 − γ for the put's negative root γ. A call with r &lt; 0 &lt; q is the put with
/// r &gt; 0 &gt; q, a single-boundary option whose perpetual value is finite (discounting at r &gt; 0, payoff at most K); the
/// double-boundary options (a put with q &lt; r &lt; 0, a call with r &lt; q &lt; 0) have q ≤ 0 as a call and stay out.</para>
/// <para>When |b| is large against σ²/T the spot reaches B∞ (or drifts away for good) within a small fraction of the tenor, so
/// the two bounds meet: at S = K = 100, T = 1, r = 5 %, q = 1,000 %, σ = 30 % both are 0.165999 (relative gap below 1e-9).
/// There the Chebyshev boundary of the fixed-point engine, the quadratic approximation's critical price and any lattice that
/// does not resolve the time scale σ²/b² all fail, while the bounds give the value to the gap.</para>
/// </remarks>
internal static class PerpetualBounds
{
    /// <summary>Relative gap (to the upper bound) under which the value is taken as pinned: below every engine's own accuracy.</summary>
    internal const double PinnedRelativeGap = 1e-9;

    /// <summary>Lower and upper bound of the American value, or null where the bounds do not apply (the call the option is or
    /// maps to has q ≤ 0). Both already include the intrinsic value; the lower one not the European value.</summary>
    internal static (double Lower, double Upper)? Of(in AmericanMarket m)
    {
        double dividendYield = m.Rate - m.Carry;
        // The call the option is (or maps to): spot, strike, rate, dividend yield.
        var (s, k, r, q) = m.IsCall ? (m.Spot, m.Strike, m.Rate, dividendYield) : (m.Strike, m.Spot, dividendYield, m.Rate);
        if (!(q > 0.0) || !(s > 0.0 && k > 0.0 && m.Volatility > 0.0 && m.TenorYears > 0.0)) return null;

        double b = r - q, v2 = m.Volatility * m.Volatility, x = b / v2 - 0.5;
        double beta = -x + Math.Sqrt(x * x + 2.0 * r / v2);
        if (!(beta > 1.0) || !double.IsFinite(beta)) return null;
        double boundary = beta / (beta - 1.0) * k;
        if (!double.IsFinite(boundary)) return null;
        if (s >= boundary) return (s - k, s - k);

        double logBs = Math.Log(boundary / s);
        double upper = Math.Min((boundary - k) * Math.Exp(-beta * logBs), s);

        // (H/S)^{μ+λ}N(−z) + (H/S)^{μ−λ}N(−z + 2λσ√T), μ = (b − σ²/2)/σ², λ = √(μ² + 2r/σ²), z = ln(H/S)/(σ√T) + λσ√T; μ − λ = −β.
        double mu = x, lambda = mu + beta;
        double sd = m.Volatility * Math.Sqrt(m.TenorYears);
        double z = logBs / sd + lambda * sd;
        double tailFirst = StandardNormal.Cdf(-z);
        double first = tailFirst > 0.0 ? Math.Exp((mu + lambda) * logBs + Math.Log(tailFirst)) : 0.0;
        double second = Math.Exp(-beta * logBs) * StandardNormal.Cdf(-z + 2.0 * lambda * sd);
        double touch = (boundary - k) * (first + second);
        double lower = double.IsFinite(touch) ? Math.Min(touch, upper) : 0.0;
        return (Math.Max(lower, Math.Max(s - k, 0.0)), Math.Max(upper, s - k));
    }

    /// <summary>The value when the bounds pin it (relative gap ≤ <see cref="PinnedRelativeGap"/>, also against the European
    /// price): their midpoint, within half the gap of the American value.</summary>
    internal static bool TryPinned(in AmericanMarket m, double european, out double value) => TryPinned(m, european, out value, out _);

    /// <summary><see cref="TryPinned(in AmericanMarket, double, out double)"/>, also giving the bounds it computed (before the European
    /// floor), so a caller that clamps afterwards (the bounds overload of <c>Clamp</c>) computes them once.</summary>
    internal static bool TryPinned(in AmericanMarket m, double european, out double value, out (double Lower, double Upper)? bounds)
    {
        value = double.NaN;
        bounds = Of(m);
        if (bounds is not var (lower, upper))
        {
            // No perpetual option (a call with q ≤ 0, a put with r ≤ 0): Merton's bounds still hold the estimate.
            bounds = ModelFree(m, european);
            return false;
        }
        // The European price is one more lower bound; where it is not finite (a forward that underflows to 0, e.g. q = 50 over
        // 30 years) it is left out, which can only widen the bounds.
        if (double.IsFinite(european)) lower = Math.Max(lower, european);
        if (!(upper - lower <= PinnedRelativeGap * upper)) return false;
        value = 0.5 * (lower + upper);
        return true;
    }

    /// <summary>The midpoint of the bounds (finite-difference Greeks of a pinned value: the bumped markets are priced by the same
    /// smooth closed forms, not by the engine, so a bump that leaves the pinned region by a hair does not switch methods).</summary>
    internal static double Midpoint(in AmericanMarket m)
    {
        if (Of(m) is not var (lower, upper)) return double.NaN;
        double european = BjerksundStensland2002Pricer.EuropeanValue(m);
        if (double.IsFinite(european)) lower = Math.Max(lower, european);
        return 0.5 * (lower + upper);
    }

    /// <summary>Finite-difference Greeks of a pinned value (<see cref="Midpoint"/> at the bumped markets).</summary>
    /// <remarks>The spot bump is 10⁻²/β of the spot (at most the usual 10⁻³): the value is (B∞ − K)(S/B∞)^β with β in the hundreds at
    /// extreme carry (222 at q = 10, σ = 30 %), and a 10⁻³ bump put delta 0.8 % off βV/S.</remarks>
    internal static Greeks PinnedGreeks(in AmericanMarket m, double pinned, bool carryMovesWithRate)
    {
        if (Of(m) is var (lower, upper) && lower == upper && pinned > 0.0 && pinned == m.Intrinsic)
        {
            // At or beyond the perpetual boundary (so beyond every finite tenor's): exercised now, the Greeks of the intrinsic value.
            return new Greeks(m.IsCall ? 1.0 : -1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        }

        double dividendYield = m.Rate - m.Carry;
        var (r, q) = m.IsCall ? (m.Rate, dividendYield) : (dividendYield, m.Rate);
        double v2 = m.Volatility * m.Volatility, x = (r - q) / v2 - 0.5;
        double beta = -x + Math.Sqrt(x * x + 2.0 * r / v2);
        double spotBump = Math.Min(FiniteDifferenceGreeks.RelativeBump, 1e-2 / beta);
        return FiniteDifferenceGreeks.Compute(Midpoint, m, pinned, carryMovesWithRate, spotBump);
    }

    /// <summary>An engine's price held to the bounds: the pinned value where they meet (the engine is not called), else the
    /// engine's estimate clamped into them.</summary>
    internal static double Bounded(in AmericanMarket m, AmericanPriceFunction engine) =>
        TryPinned(m, BjerksundStensland2002Pricer.EuropeanValue(m), out var pinned, out var bounds) ? pinned : Clamp(bounds, engine(m));

    /// <summary>An estimate moved into the bounds (the American value lies in them, so this never increases the error): the perpetual
    /// ones, or <see cref="ModelFree"/> where those do not apply.</summary>
    internal static double Clamp(in AmericanMarket m, double estimate) =>
        Clamp(Of(m) ?? ModelFree(m, BjerksundStensland2002Pricer.EuropeanValue(m)), estimate);

    /// <summary>
    /// Merton's (1973, "Theory of rational option pricing", §2–3) model-free bounds of an American option, valid for every r and q:
    /// at least the European value (when finite) and the intrinsic value; at most S·max(1, e^{(b−r)T}) for a call and
    /// K·max(1, e^{−rT}) for a put, the best stopping time τ ≤ T of E[e^{−rτ}·S_τ] = S·e^{(b−r)τ} (resp. K·e^{−rτ}), which bound
    /// the payoffs (S_τ − K)⁺ ≤ S_τ and (K − S_τ)⁺ ≤ K. Used where the perpetual bounds do not exist
    /// (a call with q ≤ 0 or a put with r ≤ 0).
    /// </summary>
    internal static (double Lower, double Upper) ModelFree(in AmericanMarket m, double european)
    {
        double lower = double.IsFinite(european) ? Math.Max(m.Intrinsic, european) : m.Intrinsic;
        double upper = m.IsCall
            ? m.Spot * Math.Max(1.0, Math.Exp((m.Carry - m.Rate) * m.TenorYears))
            : m.Strike * Math.Max(1.0, Math.Exp(-m.Rate * m.TenorYears));
        return (lower, Math.Max(upper, lower));
    }

    /// <summary><see cref="Clamp(in AmericanMarket, double)"/> with bounds already computed (<see cref="Of(in AmericanMarket)"/>).</summary>
    internal static double Clamp(in (double Lower, double Upper)? bounds, double estimate) =>
        bounds is var (lower, upper) && double.IsFinite(estimate) ? Math.Min(Math.Max(estimate, lower), upper) : estimate;
}
