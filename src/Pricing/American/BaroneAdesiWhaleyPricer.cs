using Analytics.Pricing.Black;
using Analytics.Pricing.Distributions;
using Analytics.Pricing.Engines;

namespace Analytics.Pricing.American;

/// <summary>
/// Prices American vanilla options with the quadratic approximation of G. Barone-Adesi and R. E. Whaley,
/// "Efficient analytic approximation of American option values", <i>Journal of Finance</i> 42 (1987) 301–320,
/// with the critical price found by Newton's method as in Haug, <i>The Complete Guide to Option Pricing
/// Formulas</i>, 2nd ed. 2007, §3.1 (and the VBA functions <c>Kc</c>/<c>Kp</c> of §3.1.1). The API's
/// <c>barone-adesi-whaley</c> engine.
/// </summary>
/// <remarks>
/// <para>Call (b &lt; r): C = c(S) + A₂(S/S*)^{q₂} for S &lt; S*, else S − K, with n = 2b/σ², m = 2r/σ²,
/// k = 1 − e^{−rT}, q₂ = [−(n − 1) + √((n − 1)² + 4m/k)]/2, A₂ = (S*/q₂)(1 − e^{(b−r)T}N(d₁(S*))), and S* solving
/// S* − K = c(S*) + (1 − e^{(b−r)T}N(d₁(S*)))S*/q₂. Put (r &gt; 0): P = p(S) + A₁(S/S**)^{q₁} for S &gt; S**,
/// else K − S, q₁ = [−(n − 1) − √((n − 1)² + 4m/k)]/2, A₁ = −(S**/q₁)(1 − e^{(b−r)T}N(−d₁(S**))).
/// m/k is evaluated as (2/(σ²T))·rT/(1 − e^{−rT}), finite at r = 0. The Newton iteration starts from Haug's
/// seed and runs to a relative residual of 1e-13 (Haug stops at 1e-6; the tighter stop keeps the
/// finite-difference Greeks smooth and moves the published values by less than 1e-6).</para>
/// <para>Typical errors against a fine lattice are ~1e-3–1e-2 for T ≤ 1 and grow with T (the table of Haug
/// 1998 p. 24 is reproduced to QuantLib's 3e-3). Never-exercise inputs get the European price and closed-form
/// Greeks, double-boundary inputs (r &lt; 0, see <see cref="EarlyExercise"/>) go to
/// <see cref="BinomialAmericanPricer.Default"/>, and elsewhere the Greeks are central finite differences of
/// this price with the bumps of <see cref="GreeksMethod.FiniteDifference"/>. Stateless and
/// thread-safe: use <see cref="Default"/>.</para>
/// </remarks>
public sealed class BaroneAdesiWhaleyPricer
{
    /// <summary>The shared stateless instance.</summary>
    public static readonly BaroneAdesiWhaleyPricer Default = new();

    private const double NewtonTolerance = 1e-13;
    private const int MaxNewtonIterations = 200;

    private BaroneAdesiWhaleyPricer()
    {
    }

    /// <summary>
    /// Price, European reference, Greeks and exercise regime of an American vanilla option by the
    /// Barone-Adesi-Whaley (1987) quadratic approximation (Haug 2007, §3.1). Greek conventions as in API.md.
    /// </summary>
    /// <param name="inputs">Validated option and market inputs (generalised BSM with cost of carry b).</param>
    /// <returns>The price in the quote currency per unit of underlying and its sensitivities.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null.</exception>
    public AmericanOptionResult Price(BlackVanillaOptionInputs inputs) => AmericanApproximation.Price(inputs, Value);

    /// <summary>
    /// The price alone (no Greeks) by the same rules as <see cref="Price"/>: for batch pricing and root finding.
    /// </summary>
    /// <param name="inputs">Validated option and market inputs.</param>
    /// <returns>Present value in the quote currency per unit of underlying.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null.</exception>
    public double PresentValue(BlackVanillaOptionInputs inputs) => AmericanApproximation.PresentValue(inputs, Value);

    /// <summary>The approximation on the single-boundary domain (trusted path).</summary>
    internal static double Value(in AmericanMarket m)
    {
        double dividendYield = m.Rate - m.Carry;
        if (m.IsCall && m.Rate < 0.0 && dividendYield > 0.0)
        {
            // A call at r < 0 < q: the quadratic's perpetual root breaks down (2r/σ² < 0) and the call formula can go
            // negative (S 70.5, K 127.3, T 2.16, σ 6.2 %, r −1.2 %, q 12 % gave −56.7). Price it as the put it maps to by
            // McDonald and Schroder's symmetry C(S, K, r, q) = P(K, S, q, r) (J. Comput. Finance 1(3), 1998), whose rate q is > 0.
            return Value(new AmericanMarket(false, m.Strike, m.Spot, m.TenorYears, m.Volatility, dividendYield, dividendYield - m.Rate));
        }

        double s = m.Spot, k = m.Strike, t = m.TenorYears, r = m.Rate, b = m.Carry, v = m.Volatility;
        double variance = v * v;
        double stdDev = v * Math.Sqrt(t);
        double carryFactor = Math.Exp((b - r) * t);
        double nMinusOne = 2.0 * b / variance - 1.0;
        double mOverK = 2.0 / (variance * t) * RateTimeOverOneMinusDiscount(r * t);
        double root = Math.Sqrt(nMinusOne * nMinusOne + 4.0 * mOverK);
        double mAlone = 2.0 * r / variance;
        double rootPerpetual = Math.Sqrt(nMinusOne * nMinusOne + 4.0 * mAlone);

        if (m.IsCall)
        {
            double q2 = 0.5 * (-nMinusOne + root);
            double q2Perpetual = 0.5 * (-nMinusOne + rootPerpetual);
            double perpetualCritical = k / (1.0 - 1.0 / q2Perpetual);
            double h2 = -(b * t + 2.0 * stdDev) * k / (perpetualCritical - k);
            double seed = k - (perpetualCritical - k) * EarlyExercise.ExpMinusOne(h2);
            double critical = CriticalPrice(seed, k, t, r, b, stdDev, carryFactor, q2, isCall: true);
            double european = European(s, k, t, r, b, stdDev, isCall: true);
            if (s >= critical)
            {
                return s - k;
            }

            double a2 = critical / q2 * (1.0 - carryFactor * StandardNormal.Cdf(D1(critical, k, b, t, stdDev)));
            return european + a2 * Math.Exp(q2 * Math.Log(s / critical));
        }
        else
        {
            double q1 = 0.5 * (-nMinusOne - root);
            double q1Perpetual = 0.5 * (-nMinusOne - rootPerpetual);
            double perpetualCritical = k / (1.0 - 1.0 / q1Perpetual);
            double h1 = (b * t - 2.0 * stdDev) * k / (k - perpetualCritical);
            double seed = perpetualCritical + (k - perpetualCritical) * Math.Exp(h1);
            double critical = CriticalPrice(seed, k, t, r, b, stdDev, carryFactor, q1, isCall: false);
            double european = European(s, k, t, r, b, stdDev, isCall: false);
            if (s <= critical)
            {
                return k - s;
            }

            double a1 = -critical / q1 * (1.0 - carryFactor * StandardNormal.Cdf(-D1(critical, k, b, t, stdDev)));
            return european + a1 * Math.Exp(q1 * Math.Log(s / critical));
        }
    }

    /// <summary>
    /// Newton's method for the critical price (Haug 2007, §3.1.1): the root of
    /// ω(S − K) = V_E(S) + ω(1 − e^{(b−r)T}N(ωd₁(S)))S/q.
    /// </summary>
    private static double CriticalPrice(
        double seed, double k, double t, double r, double b, double stdDev, double carryFactor, double q, bool isCall)
    {
        double omega = isCall ? 1.0 : -1.0;
        double si = seed;
        for (int iteration = 0; iteration < MaxNewtonIterations; iteration++)
        {
            double d1 = D1(si, k, b, t, stdDev);
            double cdf = StandardNormal.Cdf(omega * d1);
            double european = European(si, k, t, r, b, stdDev, isCall);
            double lhs = omega * (si - k);
            double rhs = european + omega * (1.0 - carryFactor * cdf) * si / q;
            // Slope of the right-hand side in S (Haug's b_i): ωe^{(b−r)T}N(ωd₁)(1 − 1/q) + (ω − e^{(b−r)T}φ(d₁)/(σ√T))/q.
            double slope = omega * carryFactor * cdf * (1.0 - 1.0 / q)
                           + (omega - carryFactor * StandardNormal.Pdf(d1) / stdDev) / q;
            double next = isCall
                ? (k + rhs - slope * si) / (1.0 - slope)
                : (k - rhs + slope * si) / (1.0 + slope);
            if (!double.IsFinite(next) || next <= 0.0)
            {
                break;
            }

            bool converged = Math.Abs(lhs - rhs) <= NewtonTolerance * k && Math.Abs(next - si) <= NewtonTolerance * si;
            si = next;
            if (converged)
            {
                break;
            }
        }

        return si;
    }

    private static double D1(double s, double k, double b, double t, double stdDev) =>
        (Math.Log(s / k) + b * t) / stdDev + 0.5 * stdDev;

    private static double European(double s, double k, double t, double r, double b, double stdDev, bool isCall) =>
        BlackScholesKernel.PresentValue(s, k, t, stdDev, r, b, isCall);

    /// <summary>x/(1 − e^{−x}), → 1 as x → 0.</summary>
    private static double RateTimeOverOneMinusDiscount(double x) =>
        Math.Abs(x) < 1e-8 ? 1.0 + 0.5 * x : x / -EarlyExercise.ExpMinusOne(-x);
}
