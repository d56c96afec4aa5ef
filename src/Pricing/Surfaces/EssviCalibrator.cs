using System.Collections.Immutable;
using System.Diagnostics;

namespace Analytics.Pricing.Surfaces;

/// <summary>
/// eSSVI calibration slice by slice in increasing tenor (Corbetta, Cohort, Laachir &amp; Martini, "Robust calibration and
/// arbitrage-free interpolation of SSVI slices", <i>Decisions in Economics and Finance</i> 42, 2019, §3; model of Hendriks
/// &amp; Martini, "The extended SSVI volatility surface", <i>J. Comput. Finance</i> 22(5), 2019). Each slice's (θ, ρ, ψ)
/// minimises the weighted squared vol errors against the mid vols over a region that makes the surface free of static
/// arbitrage by construction:
/// butterfly, per slice, ψ(1 + |ρ|) ≤ 4 and ψ²(1 + |ρ|) ≤ 4θ (Gatheral &amp; Jacquier 2014, Theorem 4.2); calendar, against
/// the previous slice (θ₁, ρ₁, ψ₁), θ ≥ pθ₁ and pψ₁ ≤ ψ ≤ ψ₁θ/θ₁ with p = max((1 + ρ₁)/(1 + ρ), (1 − ρ₁)/(1 − ρ))
/// (<see cref="EssviSlice.PrecedesWithoutCalendarArbitrage"/>).
/// </summary>
/// <remarks>
/// <para>Search: Nelder-Mead over (ln(θ − θ_lo), atanh(ρ/0.999), logit of ψ's place in [ψ_lo, ψ_hi]), θ_lo =
/// max(pθ₁, (1 + |ρ|)p²ψ₁²/4) (so that the ψ interval is not empty), started from the slice's raw SVI fit (θ = w(0),
/// ρ, ψ = 2b) and from the previous slice's ρ (always feasible: p = 1); a ρ whose ψ interval is empty
/// (pψ₁(1 + |ρ|) &gt; 4) is penalised. θ is fitted, not pinned to the market's ATM variance, as Corbetta et al. note pinning
/// it makes the calendar region needlessly tight.</para>
/// <para>Weights as in <see cref="RawSviCalibrator"/> (bid/ask half-spread in vol, floored, or vega), normalised per
/// slice. Stateless: <see cref="Default"/> is thread-safe.</para>
/// </remarks>
public sealed class EssviCalibrator
{
    private const int MaximumEvaluations = 900;

    /// <summary>The calibrator (no settings).</summary>
    public static EssviCalibrator Default { get; } = new();

    /// <summary>Calibrates eSSVI to market smiles.</summary>
    /// <param name="smiles">Smiles (targets: mid vols), any order; fitted by ascending tenor.</param>
    /// <param name="startingSlices">Each smile's raw SVI fit, the starting point of its search.</param>
    /// <param name="weighting">Quote weighting, as in <see cref="RawSviCalibrator"/>.</param>
    /// <param name="minimumHalfSpreadVol">Half-spread floor in vol for <see cref="SviWeighting.BidAskSpread"/>.</param>
    /// <returns>The fit, slices by ascending tenor.</returns>
    /// <exception cref="ArgumentException">The lists are empty or differ in length, or a smile has no points.</exception>
    public EssviFit Calibrate(
        IReadOnlyList<MarketSmile> smiles, IReadOnlyList<SviParameters> startingSlices,
        SviWeighting weighting = SviWeighting.BidAskSpread, double minimumHalfSpreadVol = 0.01)
    {
        long started = Stopwatch.GetTimestamp();
        ArgumentNullException.ThrowIfNull(smiles);
        ArgumentNullException.ThrowIfNull(startingSlices);
        if (smiles.Count == 0 || smiles.Count != startingSlices.Count || smiles.Any(s => s.Points.IsEmpty))
        {
            throw new ArgumentException("One raw SVI starting slice per non-empty smile is required.", nameof(startingSlices));
        }

        var order = Enumerable.Range(0, smiles.Count).OrderBy(i => smiles[i].TenorYears).ToArray();
        var slices = ImmutableArray.CreateBuilder<EssviSlice>(order.Length);
        EssviSlice? previous = null;
        int evaluations = 0, points = 0;
        double squares = 0.0;
        foreach (int index in order)
        {
            var smile = smiles[index];
            var (k, vol, weight) = Targets(smile, weighting, minimumHalfSpreadVol);
            var (slice, used) = CalibrateSlice(smile.TenorYears, k, vol, weight, startingSlices[index], previous);
            evaluations += used;
            slices.Add(slice);
            previous = slice;
            for (int i = 0; i < k.Length; i++)
            {
                double e = 100.0 * (Math.Sqrt(Math.Max(slice.TotalVariance(k[i]), 0.0) / smile.TenorYears) - vol[i]);
                squares += e * e;
            }

            points += k.Length;
        }

        return new EssviFit(slices.MoveToImmutable(), [.. order.Select(i => smiles[i].TenorYears)], Math.Sqrt(squares / points),
            evaluations, Stopwatch.GetElapsedTime(started));
    }

    private static (EssviSlice Slice, int Evaluations) CalibrateSlice(
        double tenorYears, double[] logMoneyness, double[] vol, double[] weight, SviParameters start, EssviSlice? previous)
    {
        int evaluations = 0;
        double Objective(double[] x)
        {
            evaluations++;
            if (Map(x, previous) is not { } s)
            {
                return 1e3 + Infeasibility(x, previous);
            }

            double sum = 0.0, chi = s.Rho * s.Psi;
            for (int i = 0; i < logMoneyness.Length; i++)
            {
                double w = EssviSlice.TotalVariance(logMoneyness[i], s.AtmTotalVariance, chi, s.Psi);
                double e = Math.Sqrt(Math.Max(w, 0.0) / tenorYears) - vol[i];
                sum += weight[i] * e * e;
            }

            return sum;
        }

        double theta0 = Math.Max(start.TotalVariance(0.0), 1e-10);
        var starts = new List<double> { start.Rho };
        if (previous is { } p && Math.Abs(p.Rho - start.Rho) > 1e-3)
        {
            starts.Add(p.Rho);
        }

        double[] best = [];
        double bestValue = double.PositiveInfinity;
        foreach (double rho in starts)
        {
            var x = Unmap(theta0, rho, 2.0 * start.B, previous);
            var (value, _) = NelderMead.Minimize(Objective, x, [0.3, 0.3, 1.0], 1e-15, 1e-10, MaximumEvaluations);
            if (value < bestValue || best.Length == 0)
            {
                bestValue = value;
                best = x;
            }
        }

        NelderMead.Minimize(Objective, best, [0.05, 0.05, 0.2], 1e-16, 1e-11, MaximumEvaluations);
        var slice = Map(best, previous) ?? Map(Unmap(theta0, previous?.Rho ?? start.Rho, 2.0 * start.B, previous), previous)
            ?? throw new InvalidOperationException("The previous slice's ρ leaves a non-empty ψ interval (p = 1).");
        return (slice, evaluations);
    }

    /// <summary>Search variables → a slice inside the butterfly and calendar region, or null when ρ leaves no ψ.</summary>
    internal static EssviSlice? Map(double[] x, EssviSlice? previous)
    {
        double rho = 0.999 * Math.Tanh(x[1]);
        double wing = 1.0 + Math.Abs(rho);
        var (thetaLow, psiLow) = Lower(rho, previous);
        if (psiLow * wing > 4.0 * (1.0 + 1e-12))
        {
            return null;
        }

        double theta = thetaLow + Math.Exp(Math.Clamp(x[0], -60.0, 10.0));
        double psiHigh = Math.Min(4.0 / wing, Math.Sqrt(4.0 * theta / wing));
        if (previous is { } q)
        {
            psiHigh = Math.Min(psiHigh, q.Psi * theta / q.AtmTotalVariance);
        }

        double psi = psiLow + Math.Max(psiHigh * (1.0 - 1e-13) - psiLow, 0.0) * Logistic(x[2]);
        return psi > 0.0 ? new EssviSlice(theta, rho, psi) : null;
    }

    /// <summary>The inverse of <see cref="Map"/> near (θ, ρ, ψ), clamped into the region.</summary>
    internal static double[] Unmap(double theta, double rho, double psi, EssviSlice? previous)
    {
        rho = Math.Clamp(rho, -0.998, 0.998);
        double wing = 1.0 + Math.Abs(rho);
        var (thetaLow, psiLow) = Lower(rho, previous);
        double excess = Math.Max(theta - thetaLow, 0.05 * Math.Max(theta, thetaLow) + 1e-10);
        double t = thetaLow + excess;
        double psiHigh = Math.Min(4.0 / wing, Math.Sqrt(4.0 * t / wing));
        if (previous is { } q)
        {
            psiHigh = Math.Min(psiHigh, q.Psi * t / q.AtmTotalVariance);
        }

        double u = psiHigh > psiLow ? Math.Clamp((psi - psiLow) / (psiHigh - psiLow), 0.02, 0.98) : 0.5;
        return [Math.Log(excess), Math.Atanh(rho / 0.999), Math.Log(u / (1.0 - u))];
    }

    /// <summary>
    /// The region's lower bounds given ρ and the previous slice: ψ_lo = pψ₁ and θ_lo = max(pθ₁, (1 + |ρ|)ψ_lo²/4), the θ
    /// above which [ψ_lo, min(√(4θ/(1 + |ρ|)), ψ₁θ/θ₁)] is not empty; zero for the first slice.
    /// </summary>
    private static (double ThetaLow, double PsiLow) Lower(double rho, EssviSlice? previous)
    {
        if (previous is not { } q)
        {
            return (0.0, 0.0);
        }

        double p = Math.Max((1.0 + q.Rho) / (1.0 + rho), (1.0 - q.Rho) / (1.0 - rho));
        double psiLow = p * q.Psi;
        return (Math.Max(p * q.AtmTotalVariance, 0.25 * (1.0 + Math.Abs(rho)) * psiLow * psiLow), psiLow);
    }

    /// <summary>How far ρ is from leaving a non-empty ψ interval (pψ₁(1 + |ρ|) − 4 ≥ 0), plus |ρ − ρ₁|: the penalty's slope.</summary>
    private static double Infeasibility(double[] x, EssviSlice? previous)
    {
        double rho = 0.999 * Math.Tanh(x[1]);
        var (_, psiLow) = Lower(rho, previous);
        return psiLow * (1.0 + Math.Abs(rho)) - 4.0 + (previous is { } q ? Math.Abs(rho - q.Rho) : 0.0);
    }

    private static double Logistic(double x) => 1.0 / (1.0 + Math.Exp(-x));

    /// <summary>One slice's targets: k, target vol (<see cref="SmilePoint.TargetVol"/>) and weight (normalised to sum 1).</summary>
    private static (double[] LogMoneyness, double[] Vol, double[] Weight) Targets(
        MarketSmile smile, SviWeighting weighting, double minimumHalfSpreadVol)
    {
        int n = smile.Points.Length;
        var k = new double[n];
        var vol = new double[n];
        var weight = new double[n];
        for (int i = 0; i < n; i++)
        {
            var p = smile.Points[i];
            k[i] = p.LogMoneyness;
            vol[i] = p.TargetVol; // the mid of a two-sided quote, the venue's mark of a one-sided one
            double half = Math.Max(p.HalfWidthVol, minimumHalfSpreadVol);
            weight[i] = weighting switch
            {
                SviWeighting.BidAskSpread => 1.0 / (half * half),
                SviWeighting.Vega => p.VegaUsd * p.VegaUsd,
                _ => 1.0,
            };
        }

        double total = weight.Sum();
        for (int i = 0; i < n; i++)
        {
            weight[i] = total > 0.0 ? weight[i] / total : 1.0 / n;
        }

        return (k, vol, weight);
    }
}
