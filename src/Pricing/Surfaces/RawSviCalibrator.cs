using System.Collections.Immutable;
using System.Diagnostics;

namespace Analytics.Pricing.Surfaces;

/// <summary>
/// Raw SVI calibration of one expiry slice by the quasi-explicit method (Zeliade Systems, "Quasi-explicit calibration
/// of Gatheral's SVI model", 2009; De Marco &amp; Martini): for fixed (m, σ) the other three parameters solve a
/// constrained linear least-squares problem exactly (<see cref="QuasiExplicitSviSolver"/>); an outer Nelder-Mead search
/// over (m, ln σ) from several starts minimises that problem's optimal value. Constraints: b ≥ 0, |ρ| &lt; 1, σ &gt; 0,
/// a + bσ√(1 − ρ²) ≥ 0 and Lee's wing bound b(1 + |ρ|) ≤ 2. When the result still has butterfly arbitrage
/// (Durrleman's g &lt; 0; Gatheral &amp; Jacquier 2014, Lemma 2.2) and <see cref="RawSviCalibrationOptions.RepairButterfly"/>
/// is set, all five parameters are refitted with a penalty on negative g, as Gatheral &amp; Jacquier (2014, §5.2) do.
/// </summary>
/// <remarks>Stateless contract calibrator (Strata style): thread-safe, deterministic, no shared mutable state.</remarks>
public sealed class RawSviCalibrator
{
    /// <summary>How many times the unrepaired weighted squares the first repair stage may cost before the second is tried too.</summary>
    private const double StageTwoObjectiveRatio = 2.0;

    private readonly RawSviCalibrationOptions _options;

    /// <summary>Creates a calibrator.</summary>
    /// <param name="options">Settings; null for <see cref="RawSviCalibrationOptions.Default"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public RawSviCalibrator(RawSviCalibrationOptions? options = null)
    {
        _options = options ?? RawSviCalibrationOptions.Default;
        Guard.PositiveFinite(_options.MinimumHalfSpreadVol, nameof(options));
        Guard.PositiveFinite(_options.MaximumWingSlope, nameof(options));
        Guard.Defined(_options.Weighting, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaximumEvaluationsPerStart, 20, nameof(options));
    }

    /// <summary>The calibrator with default settings.</summary>
    public static RawSviCalibrator Default { get; } = new();

    /// <summary>The settings in use.</summary>
    public RawSviCalibrationOptions Options => _options;

    /// <summary>
    /// Calibrates raw SVI to a market smile's target vols (<see cref="SmilePoint.TargetVol"/>: the mid, or the venue mark
    /// of a one-sided quote), weighted per <see cref="RawSviCalibrationOptions.Weighting"/>.
    /// </summary>
    /// <param name="smile">Points of one expiry (see <see cref="SurfaceQuotePreparer"/>).</param>
    /// <returns>The fit; <see cref="SviSliceFit.FitErrorsVolPoints"/> are in the order of <see cref="MarketSmile.Points"/>.</returns>
    public SviSliceFit Calibrate(MarketSmile smile)
    {
        ArgumentNullException.ThrowIfNull(smile);
        var (k, w, weights) = Targets(smile);
        return Calibrate(k, w, weights, smile.TenorYears);
    }

    /// <summary>
    /// The least-squares data of a smile: log-moneyness, target total variances and weights ωᵢ = cᵢ/(2σᵢT)² (a vol-point
    /// least squares, see <see cref="SviWeighting"/>), normalised to sum 1 when positive.
    /// </summary>
    internal (double[] K, double[] W, double[] Omega) Targets(MarketSmile smile)
    {
        int n = smile.Points.Length;
        var k = new double[n];
        var w = new double[n];
        var weights = new double[n];
        double t = smile.TenorYears, sum = 0.0;
        for (int i = 0; i < n; i++)
        {
            var p = smile.Points[i];
            k[i] = p.LogMoneyness;
            w[i] = p.TargetTotalVariance(t);
            double scale = 2.0 * p.TargetVol * t;
            double confidence = _options.Weighting switch
            {
                SviWeighting.BidAskSpread => 1.0 / Square(Math.Max(p.HalfWidthVol, _options.MinimumHalfSpreadVol)),
                SviWeighting.Vega => p.VegaUsd * p.VegaUsd,
                _ => 1.0,
            };
            weights[i] = confidence / (scale * scale);
            sum += weights[i];
        }

        if (sum > 0.0 && double.IsFinite(sum))
        {
            for (int i = 0; i < n; i++)
            {
                weights[i] /= sum;
            }
        }

        return (k, w, weights);
    }

    /// <summary>Calibrates raw SVI to total variances wᵢ at log-moneyness kᵢ.</summary>
    /// <param name="logMoneyness">kᵢ = ln(Kᵢ/F), finite.</param>
    /// <param name="totalVariance">Target wᵢ = σᵢ²T, finite and &gt; 0.</param>
    /// <param name="weights">ωᵢ ≥ 0 on squared total-variance residuals (normalised internally).</param>
    /// <param name="tenorYears">Slice tenor T in years, &gt; 0 (for vol-point errors).</param>
    /// <returns>The fit, or a value with a status saying why there is none.</returns>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tenorYears"/> is not positive.</exception>
    public SviSliceFit Calibrate(
        ReadOnlySpan<double> logMoneyness, ReadOnlySpan<double> totalVariance, ReadOnlySpan<double> weights, double tenorYears)
    {
        long started = Stopwatch.GetTimestamp();
        Guard.PositiveFinite(tenorYears, nameof(tenorYears));
        int n = logMoneyness.Length;
        if (totalVariance.Length != n || weights.Length != n)
        {
            throw new ArgumentException("logMoneyness, totalVariance and weights must have the same length.", nameof(weights));
        }

        if (n < 5)
        {
            return SviSliceFit.Failed(SviFitStatus.TooFewPoints, tenorYears, Stopwatch.GetElapsedTime(started));
        }

        var omega = new double[n];
        double sum = 0.0;
        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(logMoneyness[i]) || !(totalVariance[i] > 0.0) || !double.IsFinite(totalVariance[i])
                || !(weights[i] >= 0.0) || !double.IsFinite(weights[i]))
            {
                return SviSliceFit.Failed(SviFitStatus.InvalidInput, tenorYears, Stopwatch.GetElapsedTime(started));
            }

            sum += weights[i];
        }

        if (!(sum > 0.0))
        {
            return SviSliceFit.Failed(SviFitStatus.InvalidInput, tenorYears, Stopwatch.GetElapsedTime(started));
        }

        for (int i = 0; i < n; i++)
        {
            omega[i] = weights[i] / sum;
        }

        var k = logMoneyness.ToArray();
        var w = totalVariance.ToArray();
        var search = new OuterSearch(k, w, omega, _options);
        var (parameters, objective, evaluations) = search.Run();
        var unrepaired = parameters;
        var diagnosis = ArbitrageDiagnostics.Diagnose(parameters);
        bool repaired = false;
        if (!diagnosis.IsArbitrageFree && _options.RepairButterfly)
        {
            repaired = true;
            // Stage 1: the same quasi-explicit search with a penalty on negative g (keeps the exact inner solution).
            double mu = 1e6 * Math.Max(objective, 1e-16);
            double Penalty(SviParameters p)
            {
                double sum = 0.0;
                foreach (double kj in ArbitrageDiagnostics.ButterflyGrid(p, diagnosis.GridFrom, diagnosis.GridTo, 121))
                {
                    double g = p.DurrlemanG(kj);
                    sum += g < 0.0 ? (double.IsFinite(g) ? g * g + 1e-6 : 1.0) : 0.0;
                }

                return mu * sum;
            }

            var (penalised, _, penalisedEvaluations) = new OuterSearch(k, w, omega, _options).Run(Penalty);
            evaluations += penalisedEvaluations;
            var penalisedDiagnosis = ArbitrageDiagnostics.Diagnose(penalised);

            // Stage 2: all five parameters with a rising penalty (Gatheral & Jacquier 2014, §5.2), from the unrepaired fit,
            // when stage 1 failed or paid for its freedom from arbitrage with more than twice the unrepaired weighted squares
            // (on the SPX weeklies of 2026-02-23 and -24 it stopped 0.9 vol points RMSE off the mids where stage 2 is 0.5 off).
            double penalisedObjective = WeightedObjective(penalised, k, w, omega);
            if (penalisedDiagnosis.IsArbitrageFree && penalisedObjective <= StageTwoObjectiveRatio * objective)
            {
                (parameters, diagnosis) = (penalised, penalisedDiagnosis);
            }
            else
            {
                var repair = new ButterflyRepair(k, w, omega, _options.MaximumWingSlope);
                var (fixedParameters, repairEvaluations) = repair.Run(parameters, diagnosis);
                var fixedDiagnosis = ArbitrageDiagnostics.Diagnose(fixedParameters);
                evaluations += repairEvaluations;

                // The closer of the two to the quotes among those free of arbitrage; else the less violating one, if it beats
                // the start.
                (parameters, diagnosis) = (penalisedDiagnosis.IsArbitrageFree, fixedDiagnosis.IsArbitrageFree) switch
                {
                    (true, true) => penalisedObjective <= WeightedObjective(fixedParameters, k, w, omega)
                        ? (penalised, penalisedDiagnosis) : (fixedParameters, fixedDiagnosis),
                    (true, false) => (penalised, penalisedDiagnosis),
                    (false, true) => (fixedParameters, fixedDiagnosis),
                    _ => fixedDiagnosis.MinimumG > diagnosis.MinimumG ? (fixedParameters, fixedDiagnosis) : (parameters, diagnosis),
                };
            }

            objective = WeightedObjective(parameters, k, w, omega);
        }

        var errors = ImmutableArray.CreateBuilder<double>(n);
        double squares = 0.0;
        for (int i = 0; i < n; i++)
        {
            double e = 100.0 * (Math.Sqrt(Math.Max(parameters.TotalVariance(k[i]), 0.0) / tenorYears) - Math.Sqrt(w[i] / tenorYears));
            errors.Add(e);
            squares += e * e;
        }

        return new SviSliceFit(SviFitStatus.Calibrated, parameters, tenorYears, Math.Sqrt(squares / n), errors.MoveToImmutable(),
            objective, evaluations, repaired, diagnosis, Stopwatch.GetElapsedTime(started), unrepaired);
    }

    internal static double WeightedObjective(SviParameters p, double[] k, double[] w, double[] omega)
    {
        double sum = 0.0;
        for (int i = 0; i < k.Length; i++)
        {
            double e = p.TotalVariance(k[i]) - w[i];
            sum += omega[i] * e * e;
        }

        return sum;
    }

    private static double Square(double x) => x * x;

    /// <summary>The outer (m, ln σ) Nelder-Mead search over the exact inner solution.</summary>
    private sealed class OuterSearch(double[] k, double[] w, double[] omega, RawSviCalibrationOptions options)
    {
        private readonly double _maximumLevel = w.Max();
        private readonly double _kMin = k.Min();
        private readonly double _kMax = k.Max();
        private readonly double _penaltyScale = omega.Select((o, i) => o * w[i] * w[i]).Sum();
        private int _evaluations;
        private Func<SviParameters, double>? _penalty;

        private double Span => Math.Max(_kMax - _kMin, 1e-4);

        public (SviParameters Parameters, double Objective, int Evaluations) Run() => Run(null);

        /// <summary>
        /// Coarse grid over (m, ln σ) (9 × 7 inner solves), then Nelder-Mead from the three best grid nodes and a polish
        /// restart. With <paramref name="penalty"/>, each evaluation adds it for the inner optimum's parameters.
        /// </summary>
        public (SviParameters Parameters, double Objective, int Evaluations) Run(Func<SviParameters, double>? penalty)
        {
            _penalty = penalty;
            double span = Span;
            var nodes = new List<(double Value, double M, double S)>();
            for (int i = 0; i < 9; i++)
            {
                for (int j = 0; j < 7; j++)
                {
                    double m = _kMin + span * (i - 1) / 6.0;
                    double s = Math.Log(span * 0.01 * Math.Pow(300.0, j / 6.0));
                    nodes.Add((Evaluate([m, s]), m, s));
                }
            }

            double[] best = [];
            double bestValue = double.PositiveInfinity;
            foreach (var node in nodes.OrderBy(n => n.Value).Take(3))
            {
                double[] x = [node.M, node.S];
                var (value, _) = NelderMead.Minimize(Evaluate, x, [0.1 * span, 0.5], 1e-10, 1e-7, options.MaximumEvaluationsPerStart);
                if (value < bestValue)
                {
                    bestValue = value;
                    best = x;
                }
            }

            // Polish: restart from the best vertex with small steps (restarts guard against a collapsed simplex).
            NelderMead.Minimize(Evaluate, best, [0.01 * span, 0.05], 1e-13, 1e-10, options.MaximumEvaluationsPerStart);
            var (mBest, sigma, _) = Clamp(best);
            var inner = QuasiExplicitSviSolver.Solve(k, w, omega, mBest, sigma, options.MaximumWingSlope, _maximumLevel);
            return (ToParameters(inner, mBest, sigma), inner.Objective, _evaluations);
        }

        private double Evaluate(double[] x)
        {
            _evaluations++;
            var (m, sigma, excess) = Clamp(x);
            var inner = QuasiExplicitSviSolver.Solve(k, w, omega, m, sigma, options.MaximumWingSlope, _maximumLevel);
            double value = inner.Objective + excess * excess * _penaltyScale;
            return _penalty is null ? value : value + _penalty(ToParameters(inner, m, sigma));
        }

        private (double M, double Sigma, double Excess) Clamp(double[] x)
        {
            double span = Span;
            double mLo = _kMin - 2.0 * span, mHi = _kMax + 2.0 * span;
            double sLo = Math.Log(1e-3 * span), sHi = Math.Log(10.0 * Math.Max(span, 0.1));
            double m = Math.Clamp(x[0], mLo, mHi);
            double s = Math.Clamp(x[1], sLo, sHi);
            double excess = Math.Abs(x[0] - m) / span + Math.Abs(x[1] - s);
            return (m, Math.Exp(s), excess);
        }

        private static SviParameters ToParameters(QuasiExplicitSviSolver.Solution inner, double m, double sigma)
        {
            double c = Math.Max(inner.C, 0.0);
            double b = c / sigma;
            double limit = 1.0 - 0.5 * QuasiExplicitSviSolver.RhoMargin;
            double rho = c > 0.0 ? Math.Clamp(inner.D / c, -limit, limit) : 0.0;
            double a = Math.Max(inner.A, -b * sigma * Math.Sqrt(1.0 - rho * rho));
            return new SviParameters(a, b, rho, m, sigma);
        }
    }
}
