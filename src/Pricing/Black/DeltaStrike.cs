using Analytics.Pricing.Distributions;
using MathNet.Numerics.RootFinding;

namespace Analytics.Pricing.Black;

/// <summary>
/// The strike of a given forward (undiscounted) Black delta, the way desks quote "25-delta" options: a call's delta is
/// N(d₁), a put's N(d₁) − 1, d₁ = (ln(F/K) + σ²T/2)/(σ√T). With a smile σ depends on K, so the strike solves
/// Δ(K, σ(K)) = target (MathNet's Brent); with a flat σ it is F·exp(σ²T/2 − σ√T·N⁻¹(Δ_call)) (U. Wystup, "FX Options and
/// Structured Products", 2nd ed., §1.5: strike from forward delta).
/// </summary>
public static class DeltaStrike
{
    private const double Accuracy = 1e-12;

    /// <summary>The strike whose forward delta is <paramref name="delta"/>.</summary>
    /// <param name="forward">Forward F &gt; 0.</param>
    /// <param name="tenorYears">T &gt; 0.</param>
    /// <param name="delta">A call's delta in (0, 1), or a put's in (−1, 0).</param>
    /// <param name="volAtStrike">σ(K) &gt; 0, e.g. a surface slice's vol at strike.</param>
    /// <exception cref="ArgumentOutOfRangeException">an input outside its domain.</exception>
    /// <exception cref="ArithmeticException">no strike has that delta under the smile (it is not monotone there).</exception>
    public static double Solve(double forward, double tenorYears, double delta, Func<double, double> volAtStrike)
    {
        ArgumentNullException.ThrowIfNull(volAtStrike);
        Guard.PositiveFinite(forward, nameof(forward));
        Guard.PositiveFinite(tenorYears, nameof(tenorYears));
        if (!(delta is > 0 and < 1 || delta is > -1 and < 0)) throw new ArgumentOutOfRangeException(nameof(delta), delta, "Must be in (0, 1) for a call or (−1, 0) for a put.");
        double callDelta = delta > 0 ? delta : 1 + delta; // N(d₁) either way
        double sqrtT = Math.Sqrt(tenorYears);

        // In x = ln(K/F): N(d₁) falls from 1 to 0 as x rises, for any smile that keeps total variance finite.
        double Excess(double x)
        {
            double sigma = volAtStrike(forward * Math.Exp(x));
            double d1 = (-x + 0.5 * sigma * sigma * tenorYears) / (sigma * sqrtT);
            return StandardNormal.Cdf(d1) - callDelta;
        }

        double atm = volAtStrike(forward) * sqrtT;
        double reach = 12 * Math.Max(atm, 1e-4);
        if (!Brent.TryFindRoot(Excess, -reach, reach, Accuracy, 200, out double root))
            throw new ArithmeticException($"No strike of forward delta {delta} within ±{reach:G3} log-moneyness under this smile.");
        return forward * Math.Exp(root);
    }
}
