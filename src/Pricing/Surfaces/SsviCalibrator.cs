using System.Diagnostics;

namespace Analytics.Pricing.Surfaces;

/// <summary>
/// SSVI calibration across expiries (Gatheral &amp; Jacquier, "Arbitrage-free SVI volatility surfaces",
/// <i>Quantitative Finance</i> 14(1), 2014, §4): θ_t is each slice's ATM total variance (from its raw SVI fit, i.e.
/// interpolated at k = 0 by the slice), made non-decreasing by isotonic regression (pool-adjacent-violators,
/// Barlow et al., <i>Statistical Inference under Order Restrictions</i>, 1972); then (ρ, η, γ) of the power-law φ
/// minimise the vol-weighted total-variance least squares over all slices, searched by Nelder-Mead in variables that
/// map one-to-one onto the no-arbitrage region |ρ| &lt; 1, 0 &lt; γ &lt; 1, 0 &lt; η &lt; <see cref="SsviParameters.MaximumEta"/>(ρ, γ, θ_min)
/// (Theorems 4.1 and 4.2 on the fitted θ range; see <see cref="SsviParameters"/>).
/// </summary>
/// <remarks>
/// <para>θ is the market's ATM total variance as the raw SVI slice interpolates it at k = 0, not a free parameter:
/// fitting it would add one dimension per slice to the global search, and the raw slices already pin it to within their
/// fit error. The surface's only freedom beyond θ is (ρ, η, γ); a single ρ for all expiries is SSVI's limit on crypto
/// boards whose skew changes sign with tenor (see <see cref="EssviCalibrator"/> for a ρ per slice).</para>
/// <para>γ used to be held in (0, ½] (Remark 4.4's region for all θ &gt; 0), where it sat on the bound ½ on every shared
/// Deribit board; with γ &gt; ½ Theorem 4.2's θφ² condition binds at the smallest θ, which the η bound accounts for.</para>
/// </remarks>
/// <remarks>Stateless: <see cref="Default"/> is thread-safe.</remarks>
public sealed class SsviCalibrator
{
    /// <summary>The calibrator (no settings).</summary>
    public static SsviCalibrator Default { get; } = new();

    /// <summary>Calibrates SSVI to market smiles.</summary>
    /// <param name="smiles">Smiles by ascending expiry (targets: mid vols).</param>
    /// <param name="atmTotalVariances">Each smile's ATM total variance w(0) (e.g. from its raw SVI fit), &gt; 0.</param>
    /// <param name="weighting">Quote weighting, as in <see cref="RawSviCalibrator"/>.</param>
    /// <param name="minimumHalfSpreadVol">Half-spread floor in vol for <see cref="SviWeighting.BidAskSpread"/>.</param>
    /// <returns>The fit.</returns>
    /// <exception cref="ArgumentException">The lists are empty, differ in length, or a θ is not positive.</exception>
    public SsviFit Calibrate(
        IReadOnlyList<MarketSmile> smiles, IReadOnlyList<double> atmTotalVariances,
        SviWeighting weighting = SviWeighting.BidAskSpread, double minimumHalfSpreadVol = 0.01)
    {
        long started = Stopwatch.GetTimestamp();
        ArgumentNullException.ThrowIfNull(smiles);
        ArgumentNullException.ThrowIfNull(atmTotalVariances);
        if (smiles.Count == 0 || smiles.Count != atmTotalVariances.Count || atmTotalVariances.Any(t => !(t > 0.0) || !double.IsFinite(t)))
        {
            throw new ArgumentException("One positive finite ATM total variance per smile is required.", nameof(atmTotalVariances));
        }

        var order = Enumerable.Range(0, smiles.Count).OrderBy(i => smiles[i].TenorYears).ToArray();
        var tenors = order.Select(i => smiles[i].TenorYears).ToArray();
        var theta = Isotonic(order.Select(i => atmTotalVariances[i]).ToArray());
        var data = new List<(double K, double W, double Omega, int Slice, double T)>();
        for (int s = 0; s < order.Length; s++)
        {
            var smile = smiles[order[s]];
            var sliceData = smile.Points.Select(p =>
            {
                double half = Math.Max(p.HalfWidthVol, minimumHalfSpreadVol);
                double confidence = weighting switch
                {
                    SviWeighting.BidAskSpread => 1.0 / (half * half),
                    SviWeighting.Vega => p.VegaUsd * p.VegaUsd,
                    _ => 1.0,
                };
                double scale = 2.0 * p.TargetVol * smile.TenorYears;
                return (p.LogMoneyness, p.TargetTotalVariance(smile.TenorYears), confidence / (scale * scale), s, smile.TenorYears);
            }).ToList();
            double total = sliceData.Sum(d => d.Item3);
            data.AddRange(sliceData.Select(d => (d.LogMoneyness, d.Item2, total > 0 ? d.Item3 / total : 0.0, d.s, d.TenorYears)));
        }

        double thetaMin = theta[0];
        int evaluations = 0;
        var phi = new double[theta.Length];
        double Objective(double[] x)
        {
            evaluations++;
            var p = FromUnconstrained(x, thetaMin);
            for (int s = 0; s < theta.Length; s++)
            {
                phi[s] = p.Phi(theta[s]);
            }

            double sum = 0.0, rho = p.Rho;
            foreach (var d in data)
            {
                // w(k, θ) of SsviParameters.TotalVariance with φ(θ) computed once per slice per evaluation.
                double phiK = phi[d.Slice] * d.K;
                double e = 0.5 * theta[d.Slice] * (1.0 + rho * phiK + Math.Sqrt((phiK + rho) * (phiK + rho) + 1.0 - rho * rho)) - d.W;
                sum += d.Omega * e * e;
            }

            return sum;
        }

        double[] best = [];
        double bestValue = double.PositiveInfinity;
        foreach (double rho0 in new[] { -0.3, 0.0, 0.3 })
        {
            double[] x = [Math.Atanh(rho0 / 0.999), 0.0, 1.0];
            var (value, _) = NelderMead.Minimize(Objective, x, [0.3, 1.0, 1.0], 1e-12, 1e-9, 600);
            if (value < bestValue)
            {
                bestValue = value;
                best = x;
            }
        }

        NelderMead.Minimize(Objective, best, [0.05, 0.2, 0.2], 1e-14, 1e-11, 600);
        var parameters = FromUnconstrained(best, thetaMin);
        double squares = 0.0;
        foreach (var d in data)
        {
            double e = 100.0 * (Math.Sqrt(parameters.TotalVariance(d.K, theta[d.Slice]) / d.T) - Math.Sqrt(d.W / d.T));
            squares += e * e;
        }

        double rmse = data.Count == 0 ? double.NaN : Math.Sqrt(squares / data.Count);
        return new SsviFit(parameters, [.. tenors], [.. theta], rmse, evaluations, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>
    /// Maps unconstrained (u, v, x) to the no-arbitrage region for slices with θ ≥ θ_min: ρ = 0.999·tanh u,
    /// γ = logistic(v) in [1e-6, 1 − 1e-6], η = <see cref="SsviParameters.MaximumEta"/>(ρ, γ, θ_min)·logistic(x).
    /// </summary>
    internal static SsviParameters FromUnconstrained(double[] x, double minimumAtmTotalVariance)
    {
        double rho = 0.999 * Math.Tanh(x[0]);
        double gamma = Math.Clamp(Logistic(x[1]), 1e-6, 1.0 - 1e-6);
        double bound = SsviParameters.MaximumEta(rho, gamma, minimumAtmTotalVariance);
        double eta = Math.Clamp(bound * Logistic(x[2]), 1e-10, bound);
        return new SsviParameters(rho, eta, gamma);
    }

    /// <summary>Pool-adjacent-violators: the non-decreasing sequence closest in least squares, floored at 1e-12.</summary>
    internal static double[] Isotonic(double[] values)
    {
        var levels = new List<(double Mean, int Count)>();
        foreach (double v in values)
        {
            levels.Add((v, 1));
            while (levels.Count > 1 && levels[^2].Mean > levels[^1].Mean)
            {
                var (m2, c2) = levels[^1];
                var (m1, c1) = levels[^2];
                levels.RemoveAt(levels.Count - 1);
                levels[^1] = ((m1 * c1 + m2 * c2) / (c1 + c2), c1 + c2);
            }
        }

        return levels.SelectMany(l => Enumerable.Repeat(Math.Max(l.Mean, 1e-12), l.Count)).ToArray();
    }

    private static double Logistic(double x) => 1.0 / (1.0 + Math.Exp(-x));
}
