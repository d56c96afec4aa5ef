namespace Analytics.Pricing.Surfaces;

/// <summary>
/// Refits all five raw SVI parameters of one slice (a, ln b, atanh ρ, m, ln σ) to its weighted least squares with a rising
/// penalty on static arbitrage: Durrleman's g(k) &lt; 0 (butterfly) and, against fixed neighbouring slices, total variance
/// above the next slice's (<c>ceiling</c>) or below the previous slice's (<c>floor</c>) on a log-moneyness grid, plus the
/// asymptotic wing slopes b(1 ± ρ) out of order (calendar beyond the grid). This is the penalty approach of Gatheral &amp;
/// Jacquier ("Arbitrage-free SVI volatility surfaces", <i>Quantitative Finance</i> 14(1), 2014, §5.2: a large penalty for
/// arbitrage, slices kept from crossing their neighbours), started from the unconstrained quasi-explicit optimum. What is
/// left on the grid afterwards is removed exactly by shifting the level a (a vertical translation of w, the least change
/// that uncrosses two slices: Zeliade Systems, "Quasi-explicit calibration of Gatheral's SVI model", 2009, §4 on crossedness).
/// </summary>
/// <remarks>Internal and single-use: one instance per refit.</remarks>
internal sealed class ConstrainedSviRefit
{
    private const int MaximumEvaluations = 1_500;
    private const double CalendarMargin = 1e-7;
    private readonly double[] _k;
    private readonly double[] _w;
    private readonly double[] _omega;
    private readonly double _maximumWingSlope;
    private readonly SviParameters? _floor;
    private readonly SviParameters? _ceiling;
    private readonly double[] _grid;
    private readonly double[] _floorW;
    private readonly double[] _ceilingW;
    private double _mu;
    private int _evaluations;

    /// <summary>Sets up a refit.</summary>
    /// <param name="k">Log-moneyness of the slice's points.</param>
    /// <param name="w">Target total variances.</param>
    /// <param name="omega">Normalised weights.</param>
    /// <param name="maximumWingSlope">Lee's bound on b(1 + |ρ|).</param>
    /// <param name="floor">The previous (shorter) slice, which this one must stay above; null for none.</param>
    /// <param name="ceiling">The next (longer) slice, which this one must stay below; null for none.</param>
    /// <param name="grid">Penalty grid of log-moneyness values.</param>
    public ConstrainedSviRefit(
        double[] k, double[] w, double[] omega, double maximumWingSlope, SviParameters? floor, SviParameters? ceiling, double[] grid)
    {
        (_k, _w, _omega, _maximumWingSlope, _floor, _ceiling) = (k, w, omega, maximumWingSlope, floor, ceiling);
        _grid = [.. grid.Concat(k).Order()];
        _floorW = floor is { } f ? _grid.Select(f.TotalVariance).ToArray() : [];
        _ceilingW = ceiling is { } c ? _grid.Select(c.TotalVariance).ToArray() : [];
    }

    /// <summary>Objective evaluations used so far.</summary>
    public int Evaluations => _evaluations;

    /// <summary>Refits from <paramref name="start"/>; returns the best valid parameters found (the start when none is).</summary>
    public SviParameters Run(SviParameters start)
    {
        double baseline = Math.Max(RawSviCalibrator.WeightedObjective(start, _k, _w, _omega), 1e-16);
        double[] x = [start.A, Math.Log(Math.Max(start.B, 1e-12)), Math.Atanh(start.Rho), start.M, Math.Log(start.Sigma)];
        var best = start;
        for (int power = 3; power <= 11; power += 2)
        {
            _mu = baseline * Math.Pow(10.0, power);
            double[] steps = [0.1 * Math.Abs(start.A) + 1e-4 * (start.A + start.B * start.Sigma + 1e-12), 0.1, 0.1, 0.1 * start.Sigma + 1e-4, 0.1];
            NelderMead.Minimize(Evaluate, x, steps, 1e-12, 1e-10, MaximumEvaluations);
            if (TryParameters(x, out var candidate))
            {
                best = candidate;
                if (Penalty(candidate) == 0.0)
                {
                    break;
                }
            }
        }

        return best;
    }

    /// <summary>
    /// The smallest shift of the level a that puts <paramref name="parameters"/> on or inside both neighbours on
    /// <paramref name="denseGrid"/>; null when the two neighbours leave no room or the shifted slice is not valid SVI.
    /// </summary>
    public SviParameters? ShiftIntoNeighbours(SviParameters parameters, double[] denseGrid)
    {
        // Wing slopes first (a penalty leaves them a hair out of order): b(1 ∓ ρ) clamped between the neighbours' slopes.
        double left = parameters.LeftWingSlope, right = parameters.RightWingSlope;
        if (_ceiling is { } top)
        {
            left = Math.Min(left, top.LeftWingSlope * (1.0 - 1e-9));
            right = Math.Min(right, top.RightWingSlope * (1.0 - 1e-9));
        }

        if (_floor is { } bottom)
        {
            left = Math.Max(left, bottom.LeftWingSlope * (1.0 + 1e-9));
            right = Math.Max(right, bottom.RightWingSlope * (1.0 + 1e-9));
        }

        if (left != parameters.LeftWingSlope || right != parameters.RightWingSlope)
        {
            double b = 0.5 * (left + right);
            if (!(b > 0.0) || b * (1.0 + Math.Abs((right - left) / (right + left))) > _maximumWingSlope)
            {
                return null;
            }

            var q = parameters;
            double rho = Math.Clamp((right - left) / (right + left), -1.0 + 1e-9, 1.0 - 1e-9);
            double level = Math.Max(q.A, -b * q.Sigma * Math.Sqrt(1.0 - rho * rho));
            parameters = new SviParameters(level, b, rho, q.M, q.Sigma);
        }

        var fixedParameters = parameters;
        double down = 0.0, up = 0.0;
        if (_ceiling is { } c)
        {
            down = Math.Max(0.0, Maximum(k => fixedParameters.TotalVariance(k) - c.TotalVariance(k) * (1.0 - CalendarMargin), denseGrid));
        }

        if (_floor is { } f)
        {
            up = Math.Max(0.0, Maximum(k => f.TotalVariance(k) * (1.0 + CalendarMargin) - fixedParameters.TotalVariance(k), denseGrid));
        }

        if (down > 0.0 && up > 0.0)
        {
            return null;
        }

        double a = parameters.A - down + up;
        var p = parameters;
        return a + p.B * p.Sigma * Math.Sqrt(1.0 - p.Rho * p.Rho) < 0.0 ? null : new SviParameters(a, p.B, p.Rho, p.M, p.Sigma);
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
        double hard = Math.Max(-minimum, 0.0) + Math.Max(b * (1.0 + Math.Abs(rho)) - _maximumWingSlope, 0.0);
        if (hard > 0.0)
        {
            return 1e6 * _mu * (1.0 + hard * hard);
        }

        var p = new SviParameters(a, b, rho, m, sigma);
        return RawSviCalibrator.WeightedObjective(p, _k, _w, _omega) + _mu * Penalty(p);
    }

    /// <summary>Σ of squared violations: negative g, relative calendar deficits on the grid, and wing slopes out of order.</summary>
    private double Penalty(SviParameters p)
    {
        double sum = 0.0;
        for (int j = 0; j < _grid.Length; j++)
        {
            double kj = _grid[j];
            double g = p.DurrlemanG(kj);
            if (g < 0.0)
            {
                sum += double.IsFinite(g) ? g * g + 1e-8 : 1.0;
            }

            if (_ceilingW.Length > 0)
            {
                double excess = (p.TotalVariance(kj) - _ceilingW[j] * (1.0 - CalendarMargin)) / _ceilingW[j];
                sum += excess > 0.0 ? excess * excess + 1e-12 : 0.0;
            }

            if (_floorW.Length > 0)
            {
                double deficit = (_floorW[j] * (1.0 + CalendarMargin) - p.TotalVariance(kj)) / _floorW[j];
                sum += deficit > 0.0 ? deficit * deficit + 1e-12 : 0.0;
            }
        }

        if (_ceiling is { } c)
        {
            sum += Square(Math.Max(p.LeftWingSlope - c.LeftWingSlope * (1.0 - 1e-6), 0.0)) + Square(Math.Max(p.RightWingSlope - c.RightWingSlope * (1.0 - 1e-6), 0.0));
        }

        if (_floor is { } f)
        {
            sum += Square(Math.Max(f.LeftWingSlope * (1.0 + 1e-6) - p.LeftWingSlope, 0.0)) + Square(Math.Max(f.RightWingSlope * (1.0 + 1e-6) - p.RightWingSlope, 0.0));
        }

        return sum;
    }

    private bool TryParameters(double[] x, out SviParameters parameters)
    {
        parameters = default;
        double a = x[0], b = Math.Exp(x[1]), rho = Math.Tanh(x[2]), m = x[3], sigma = Math.Exp(x[4]);
        if (!double.IsFinite(a) || !double.IsFinite(b) || !double.IsFinite(m) || !(sigma > 0.0) || !double.IsFinite(sigma)
            || Math.Abs(rho) >= 1.0 || a + b * sigma * Math.Sqrt(1.0 - rho * rho) < 0.0
            || b * (1.0 + Math.Abs(rho)) > _maximumWingSlope)
        {
            return false;
        }

        parameters = new SviParameters(a, b, rho, m, sigma);
        return true;
    }

    private static double Square(double x) => x * x;

    /// <summary>
    /// The maximum of a smooth function: the grid maximum, with every local maximum of the grid refined twice on a 201-point
    /// grid between its neighbours (a grid alone misses crossings of two narrow short-dated smiles between its points).
    /// </summary>
    private static double Maximum(Func<double, double> f, double[] grid)
    {
        var values = grid.Select(f).ToArray();
        double best = values.Max();
        for (int i = 0; i < grid.Length; i++)
        {
            if ((i > 0 && values[i] < values[i - 1]) || (i + 1 < grid.Length && values[i] < values[i + 1]))
            {
                continue;
            }

            double lo = grid[Math.Max(i - 1, 0)], hi = grid[Math.Min(i + 1, grid.Length - 1)];
            for (int round = 0; round < 2; round++)
            {
                double step = (hi - lo) / 200.0, bestK = lo, local = double.NegativeInfinity;
                for (int j = 0; j <= 200; j++)
                {
                    double k = lo + j * step, v = f(k);
                    if (v > local)
                    {
                        (local, bestK) = (v, k);
                    }
                }

                best = Math.Max(best, local);
                (lo, hi) = (bestK - step, bestK + step);
            }
        }

        return best;
    }
}
