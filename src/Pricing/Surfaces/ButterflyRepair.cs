namespace Analytics.Pricing.Surfaces;

/// <summary>
/// Removes butterfly arbitrage from a raw SVI fit: a Nelder-Mead search over all five parameters
/// (a, ln b, atanh ρ, m, ln σ) of the weighted least squares plus μ·Σⱼ min(g(kⱼ), 0)² on a grid, with μ raised until
/// the default grid of <see cref="ArbitrageDiagnostics"/> is clean. This is the penalty approach of Gatheral &amp;
/// Jacquier (2014, §5.2, "a large penalty for arbitrage"), here started from the quasi-explicit optimum.
/// </summary>
internal sealed class ButterflyRepair(double[] k, double[] w, double[] omega, double maximumWingSlope)
{
    private const int MaximumEvaluations = 2_000;
    private double[] _grid = [];
    private double _mu;
    private int _evaluations;

    /// <summary>Returns repaired parameters (or the input when no valid improvement was found) and the evaluations used.</summary>
    public (SviParameters Parameters, int Evaluations) Run(SviParameters start, ButterflyDiagnosis diagnosis)
    {
        // Grid: the diagnosis range, uniformly, plus the data points and a dense patch over the violated intervals.
        var grid = new List<double>();
        for (int i = 0; i <= 400; i++)
        {
            grid.Add(diagnosis.GridFrom + (diagnosis.GridTo - diagnosis.GridFrom) * i / 400.0);
        }

        grid.AddRange(k);
        foreach (var v in diagnosis.Violations)
        {
            for (int i = 0; i <= 20; i++)
            {
                grid.Add(v.FromLogMoneyness + (v.ToLogMoneyness - v.FromLogMoneyness) * i / 20.0);
            }
        }

        _grid = [.. grid];
        double baseline = Math.Max(RawSviCalibrator.WeightedObjective(start, k, w, omega), 1e-16);
        double[] x = [start.A, Math.Log(Math.Max(start.B, 1e-12)), Math.Atanh(start.Rho), start.M, Math.Log(start.Sigma)];
        var best = start;
        for (int power = 2; power <= 14; power += 2)
        {
            _mu = baseline * Math.Pow(10.0, power) * 1e3;
            double[] steps = [0.1 * Math.Abs(start.A) + 1e-4 * (start.A + start.B * start.Sigma + 1e-12), 0.1, 0.1, 0.1 * start.Sigma + 1e-4, 0.1];
            NelderMead.Minimize(Evaluate, x, steps, 1e-12, 1e-10, MaximumEvaluations);
            if (TryParameters(x, out var candidate))
            {
                best = candidate;
                if (ArbitrageDiagnostics.Diagnose(candidate).Violations.IsEmpty)
                {
                    break;
                }
            }
        }

        return (best, _evaluations);
    }

    private double Evaluate(double[] x)
    {
        _evaluations++;
        double a = x[0], b = Math.Exp(x[1]), rho = Math.Tanh(x[2]), m = x[3], sigma = Math.Exp(x[4]);
        if (!double.IsFinite(a) || !double.IsFinite(b) || !double.IsFinite(m) || !(sigma > 0.0) || !double.IsFinite(sigma)
            || Math.Abs(rho) >= 1.0)
        {
            return double.MaxValue;
        }

        double minimum = a + b * sigma * Math.Sqrt(1.0 - rho * rho);
        double slope = b * (1.0 + Math.Abs(rho));
        double hard = Math.Max(-minimum, 0.0) + Math.Max(slope - maximumWingSlope, 0.0);
        if (hard > 0.0)
        {
            return 1e6 * _mu * (1.0 + hard * hard);
        }

        var p = new SviParameters(a, b, rho, m, sigma);
        double penalty = 0.0;
        foreach (double kj in _grid)
        {
            double g = p.DurrlemanG(kj);
            if (g < 0.0)
            {
                penalty += double.IsFinite(g) ? g * g : 1.0;
            }
        }

        return RawSviCalibrator.WeightedObjective(p, k, w, omega) + _mu * penalty;
    }

    private bool TryParameters(double[] x, out SviParameters parameters)
    {
        parameters = default;
        double a = x[0], b = Math.Exp(x[1]), rho = Math.Tanh(x[2]), m = x[3], sigma = Math.Exp(x[4]);
        if (!double.IsFinite(a) || !double.IsFinite(b) || !double.IsFinite(m) || !(sigma > 0.0) || !double.IsFinite(sigma)
            || Math.Abs(rho) >= 1.0 || a + b * sigma * Math.Sqrt(1.0 - rho * rho) < 0.0
            || b * (1.0 + Math.Abs(rho)) > maximumWingSlope)
        {
            return false;
        }

        parameters = new SviParameters(a, b, rho, m, sigma);
        return true;
    }
}
