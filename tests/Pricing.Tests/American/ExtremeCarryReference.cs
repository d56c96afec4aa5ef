using Analytics.Pricing.Distributions;

namespace Analytics.Pricing.Tests.American;

/// <summary>
/// Independent bounds and a reference lattice for American options at extreme cost of carry (issue 14 item 1), written here
/// and not taken from the engines under test. Puts are priced as the calls they map to by McDonald and Schroder's symmetry
/// P(S, K, T, r, q, σ) = C(K, S, T, q, r, σ) ("A parity result for American options", <i>J. Comput. Finance</i> 1(3), 1998;
/// Haug, <i>The Complete Guide to Option Pricing Formulas</i>, 2nd ed. 2007, §3.4).
/// </summary>
internal static class ExtremeCarryReference
{
    /// <summary>A call on (S, K, T, r, q, σ) with q &gt; 0 and any r (one upper exercise boundary: with r &lt; 0 it is the put
    /// with r &gt; 0 &gt; q by the symmetry above, and the root β below is that put's 1 − γ, real and above 1).</summary>
    internal readonly record struct Call(double Spot, double Strike, double Tenor, double Rate, double Yield, double Vol)
    {
        internal double Carry => Rate - Yield;

        /// <summary>β = ½ − b/σ² + √((b/σ² − ½)² + 2r/σ²), the positive root of the perpetual ODE (Merton 1973; Haug 2007 §3.1 "q₂" as T → ∞).</summary>
        internal double Beta
        {
            get
            {
                double v2 = Vol * Vol, x = Carry / v2 - 0.5;
                return -x + Math.Sqrt(x * x + 2.0 * Rate / v2);
            }
        }

        /// <summary>The perpetual call's exercise boundary B∞ = βK/(β − 1).</summary>
        internal double PerpetualBoundary => Beta / (Beta - 1.0) * Strike;

        /// <summary>The perpetual American call (McKean 1965; Merton 1973, eq. 51 with dividends; Haug 2007 §3.6 "perpetual"):
        /// (B∞ − K)(S/B∞)^β below B∞, S − K above. An upper bound for every finite tenor (the holder of the perpetual may copy
        /// any finite-tenor policy).</summary>
        internal double Perpetual()
        {
            double boundary = PerpetualBoundary;
            return Spot >= boundary ? Spot - Strike : (boundary - Strike) * Math.Exp(Beta * Math.Log(Spot / boundary));
        }

        /// <summary>The value of exercising when the spot first touches B∞ before T (and nothing otherwise): a feasible
        /// exercise policy, so a lower bound. (B∞ − K)·E[e^{−rτ}; τ ≤ T] by the first-passage law of a Brownian motion with
        /// drift, the "cash-or-nothing at hit" of Reiner and Rubinstein (1991), Haug 2007 §4.19.5 (up barrier, η = −1):
        /// (H/S)^{μ+λ}N(−z) + (H/S)^{μ−λ}N(−z + 2λσ√T), μ = (b − σ²/2)/σ², λ = √(μ² + 2r/σ²), z = ln(H/S)/(σ√T) + λσ√T.</summary>
        internal double TouchAtPerpetualBoundary()
        {
            double h = PerpetualBoundary;
            if (Spot >= h) return Spot - Strike;
            double v2 = Vol * Vol, mu = (Carry - 0.5 * v2) / v2, lambda = Math.Sqrt(mu * mu + 2.0 * Rate / v2);
            double sd = Vol * Math.Sqrt(Tenor), logHs = Math.Log(h / Spot), z = logHs / sd + lambda * sd;
            double tail = StandardNormal.Cdf(-z);
            double first = tail > 0.0 ? Math.Exp((mu + lambda) * logHs + Math.Log(tail)) : 0.0;
            double second = Math.Exp((mu - lambda) * logHs) * StandardNormal.Cdf(-z + 2.0 * lambda * sd);
            return (h - Strike) * (first + second);
        }

        /// <summary>
        /// A binomial lattice centred on the drift (ln u, ln d = νΔt ± σ√Δt, ν = b − σ²/2; p = (e^{bΔt} − d)/(u − d)), the form of
        /// Jarrow and Rudd (1983) with the exact martingale probability, with enough steps that the drift per step is small against
        /// the spread (|ν|√Δt/σ ≤ <paramref name="driftRatio"/>) and nodes beyond 12 standard deviations of the root's distribution
        /// dropped (their weight is below 1e-30). Plain backward induction with exercise at every node: no smoothing, no
        /// extrapolation; error O(Δt) for these prices. Returns the price at N and N/2 steps.
        /// </summary>
        internal (double Fine, double Coarse, int Steps) Lattice(double driftRatio, int minimumSteps, int maximumSteps)
        {
            double v = Vol, nu = Carry - 0.5 * v * v;
            double needed = nu * nu * Tenor / (v * v * driftRatio * driftRatio);
            int steps = (int)Math.Min(maximumSteps, Math.Max(minimumSteps, Math.Ceiling(needed)));
            steps += steps % 2;
            return (Lattice(steps), Lattice(steps / 2), steps);
        }

        private double Lattice(int n)
        {
            double dt = Tenor / n, v = Vol, nu = Carry - 0.5 * v * v, dx = v * Math.Sqrt(dt);
            double p = (Math.Exp(Carry * dt) - Math.Exp(nu * dt - dx)) / (Math.Exp(nu * dt + dx) - Math.Exp(nu * dt - dx));
            double disc = Math.Exp(-Rate * dt), pu = disc * p, pd = disc * (1.0 - p);
            double logS = Math.Log(Spot);
            // node j at step i: x = ln S + iνΔt + (2j − i)dx; keep |2j − i| ≤ 12√i + 2.
            var values = new double[n + 1];
            int Lo(int i) => Math.Max(0, (int)Math.Floor((i - 12.0 * Math.Sqrt(i) - 2.0) / 2.0));
            int Hi(int i) => Math.Min(i, (int)Math.Ceiling((i + 12.0 * Math.Sqrt(i) + 2.0) / 2.0));
            for (int j = Lo(n); j <= Hi(n); j++)
                values[j] = Math.Max(Math.Exp(logS + n * nu * dt + (2 * j - n) * dx) - Strike, 0.0);
            for (int i = n - 1; i >= 0; i--)
            {
                int lo = Lo(i), hi = Hi(i), loNext = Lo(i + 1), hiNext = Hi(i + 1);
                for (int j = lo; j <= hi; j++)
                {
                    double up = j + 1 <= hiNext ? values[j + 1] : 0.0;
                    double down = j >= loNext ? values[j] : 0.0;
                    double hold = pu * up + pd * down;
                    double exercise = Math.Exp(logS + i * nu * dt + (2 * j - i) * dx) - Strike;
                    values[j] = Math.Max(hold, exercise);
                }
            }
            return values[0];
        }
    }

    /// <summary>The call a put maps to: P(S, K, T, r, q, σ) = C(K, S, T, q, r, σ).</summary>
    internal static Call MappedPut(double spot, double strike, double tenor, double rate, double yield, double vol) =>
        new(strike, spot, tenor, yield, rate, vol);
}
