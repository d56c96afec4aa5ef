using Analytics.Pricing.Black;
using Analytics.Pricing.Engines;

namespace Analytics.Pricing.American;

/// <summary>
/// Where early exercise can be optimal, from the lower bounds C ≥ S·e^{(b−r)T} − K·e^{−rT} and
/// P ≥ K·e^{−rT} − S·e^{(b−r)T} (Merton 1973, Theorem 1; Haug 2007, §3.1 "b ≥ r"), and the put-call
/// transformation P(S, K, T, r, b, σ) = C(K, S, T, r − b, −b, σ) of an American option (Bjerksund and
/// Stensland 1993; McDonald and Schroder 1998; Haug 2007, §3.4).
/// </summary>
/// <remarks>
/// <para>A call is never exercised early when b ≥ r ≥ 0 (then the European lower bound dominates S − K), a put
/// when b ≤ r ≤ 0. Haug's "b ≥ r" rule takes r ≥ 0 for granted: with r &lt; 0 paying the strike later costs
/// more than paying it now, and a deep in-the-money call on a non-dividend asset is exercised.</para>
/// <para>With b &lt; r a call has one upper exercise boundary (a put with r &gt; 0 one lower boundary), the
/// setting of the quadratic and flat-boundary approximations. The remaining case, a call with b ≥ r and
/// r &lt; 0 (a put with b &gt; r and r ≤ 0), can have two exercise boundaries (Battauz, De Donno and Sbuelz,
/// "Real options and American derivatives: the double continuation region", <i>Management Science</i> 61,
/// 2015), which no single-boundary approximation represents; the approximations hand it to the lattice.</para>
/// </remarks>
internal static class EarlyExercise
{
    /// <summary>True when early exercise is never optimal and the American option is worth the European one.</summary>
    internal static bool NeverOptimal(bool isCall, double rate, double carry) =>
        isCall ? carry >= rate && rate >= 0.0 : carry <= rate && rate <= 0.0;

    /// <summary>True when the exercise region is a single half-line (call: b &lt; r; put: r &gt; 0).</summary>
    internal static bool HasSingleBoundary(bool isCall, double rate, double carry) =>
        isCall ? carry < rate : rate > 0.0;

    /// <summary>The regime of an approximation's price: immediate exercise when it equals the intrinsic value.</summary>
    internal static AmericanExerciseRegime RegimeOf(double price, double intrinsic) =>
        intrinsic > 0.0 && price <= intrinsic ? AmericanExerciseRegime.ImmediateExercise : AmericanExerciseRegime.Continuation;

    /// <summary>The result for inputs where early exercise is never optimal: the European price and Greeks.</summary>
    internal static AmericanOptionResult European(BlackVanillaOptionResult european) => new(
        european.Price, european.Price, european.Forward, european.DiscountFactor, european.Greeks,
        GreeksMethod.ClosedForm, AmericanExerciseRegime.NeverExerciseEarly);

    /// <summary>e^x − 1 without cancellation for small |x|.</summary>
    internal static double ExpMinusOne(double x) =>
        Math.Abs(x) < 1e-5 ? x * (1.0 + x * (0.5 + x / 6.0)) : Math.Exp(x) - 1.0;
}
