using System.Collections.Immutable;
using MathNet.Numerics;
using MathNet.Numerics.Optimization;
using MathNet.Numerics.RootFinding;

namespace Analytics.Pricing.Structures;

/// <summary>
/// Payoff diagram, extremes and break-evens of a <see cref="StructurePayoffFunction"/> over all spots S ≥ 0.
/// The P&amp;L is evaluated on analysis nodes that contain 0, every strike, the display grid and a fine default grid.
/// When every leg expires at T₁ the P&amp;L is piecewise linear with kinks only at strikes, so its extremes lie on
/// the nodes or in the flat tail and its roots are found exactly by linear interpolation between nodes; with later
/// legs (calendars) local extremes are refined by golden-section search and roots by Brent's method (both MathNet). Beyond the
/// last node the asymptote a·S + c decides: a &gt; 0 means unbounded profit, a &lt; 0 unbounded loss, a = 0 a limit c
/// that bounds the extremes (Press et al., <i>Numerical Recipes</i>, 3rd ed. 2007, §9.3 and §10.2).
/// </summary>
internal static class StructurePayoffAnalyzer
{
    private const int AnalysisPoints = 401;
    private const int GoldenIterations = 200;
    private const double GoldenTolerance = 1e-12;
    private const int BracketLevels = 64;
    private const int RootIterations = 200;
    private const double RootTolerance = 1e-14;

    internal static (ImmutableArray<PayoffPoint> Payoff, double? MaxProfit, double? MaxLoss, ImmutableArray<double> Breakevens) Analyze(
        StructurePayoffFunction f, PayoffGrid grid, double spot)
    {
        var displaySpots = grid.Spots()
            .Concat(f.Strikes.Where(k => k >= grid.LowerSpot && k <= grid.UpperSpot))
            .Distinct().Order().ToArray();
        var payoff = displaySpots.Select(s => new PayoffPoint(s, f.Evaluate(s))).ToImmutableArray();

        double top = 2.0 * Math.Max(spot, f.Strikes[^1]);
        var nodes = PayoffGrid.Create(0.0, top, AnalysisPoints).Spots()
            .Concat(f.Strikes).Concat(displaySpots).Append(0.0)
            .Distinct().Order().ToArray();
        var values = nodes.Select(f.Evaluate).ToArray();

        double slopeTolerance = 1e-12 * f.QuantityScale;
        double slope = Math.Abs(f.SlopeAtInfinity) <= slopeTolerance ? 0.0 : f.SlopeAtInfinity;

        (double max, double min) = Extremes(f, nodes, values);
        if (slope == 0.0)
        {
            max = Math.Max(max, f.InterceptAtInfinity);
            min = Math.Min(min, f.InterceptAtInfinity);
        }

        double? maxProfit = slope > 0.0 ? null : max;
        double? maxLoss = slope < 0.0 ? null : -min;
        return (payoff, maxProfit, maxLoss, Breakevens(f, nodes, values, slope));
    }

    private static (double Max, double Min) Extremes(StructurePayoffFunction f, double[] x, double[] y)
    {
        double max = y.Max();
        double min = y.Min();
        if (!f.HasLaterLegs)
        {
            return (max, min);
        }

        for (int i = 1; i < x.Length - 1; i++)
        {
            if (y[i] >= y[i - 1] && y[i] >= y[i + 1])
            {
                max = Math.Max(max, LocalExtreme(f.Evaluate, x[i - 1], x[i], x[i + 1], y[i], maximise: true));
            }

            if (y[i] <= y[i - 1] && y[i] <= y[i + 1])
            {
                min = Math.Min(min, LocalExtreme(f.Evaluate, x[i - 1], x[i], x[i + 1], y[i], maximise: false));
            }
        }

        return (max, min);
    }

    private static ImmutableArray<double> Breakevens(StructurePayoffFunction f, double[] x, double[] y, double slope)
    {
        var roots = new List<double>();
        for (int i = 0; i < x.Length; i++)
        {
            if (y[i] == 0.0)
            {
                // A touch, or the end of a run of zero P&L where it turns non-zero: a run's inner nodes are no break-evens
                // (a call spread with a zero premium is flat at zero below its lower strike).
                if ((i > 0 && y[i - 1] != 0.0) || (i + 1 < x.Length && y[i + 1] != 0.0))
                {
                    roots.Add(x[i]);
                }
            }
            else if (i + 1 < x.Length && y[i + 1] != 0.0 && Math.Sign(y[i]) != Math.Sign(y[i + 1]))
            {
                roots.Add(f.HasLaterLegs
                    ? FindRoot(f.Evaluate, x[i], x[i + 1])
                    : x[i] + (x[i + 1] - x[i]) * (y[i] / (y[i] - y[i + 1])));
            }
        }

        double last = x[^1];
        double lastValue = y[^1];
        if (slope != 0.0 && lastValue != 0.0 && Math.Sign(lastValue) != Math.Sign(slope))
        {
            if (!f.HasLaterLegs)
            {
                roots.Add(last - lastValue / slope); // linear beyond the highest strike
            }
            else
            {
                double hi = last;
                double hiValue = lastValue;
                for (int n = 0; n < 200 && Math.Sign(hiValue) == Math.Sign(lastValue) && double.IsFinite(hi); n++)
                {
                    hi *= 2.0;
                    hiValue = f.Evaluate(hi);
                }

                if (hiValue == 0.0)
                {
                    roots.Add(hi);
                }
                else if (Math.Sign(hiValue) != Math.Sign(lastValue))
                {
                    roots.Add(FindRoot(f.Evaluate, hi / 2.0, hi));
                }
            }
        }

        roots.Sort();
        var distinct = ImmutableArray.CreateBuilder<double>();
        foreach (double root in roots)
        {
            if (distinct.Count == 0 || root - distinct[^1] > 1e-12 * Math.Max(1.0, root))
            {
                distinct.Add(root);
            }
        }

        return distinct.ToImmutable();
    }

    /// <summary>
    /// A root of <paramref name="f"/> in [<paramref name="a"/>, <paramref name="b"/>] by Brent's method (MathNet
    /// <see cref="Brent"/>; Brent 1973, ch. 4; Press et al. 2007, §9.3) to 10⁻¹⁴·max(1, |x|) in S. MathNet's Brent
    /// also stops when |value| is below its accuracy; it is given f divided by the bracket's secant slope
    /// |f(b) − f(a)|/(b − a), i.e. f in units of S, so that this test too means "within the tolerance in S".
    /// </summary>
    /// <returns>The root; NaN when f(a) and f(b) are not of opposite signs (no bracketed root). When Brent's
    /// iteration stalls or runs out of steps its last iterate is returned, as a bracketed estimate.</returns>
    internal static double FindRoot(Func<double, double> f, double a, double b)
    {
        double fa = f(a);
        double fb = f(b);
        if (fa == 0.0)
        {
            return a;
        }

        if (fb == 0.0)
        {
            return b;
        }

        if (double.IsNaN(fa) || double.IsNaN(fb) || Math.Sign(fa) == Math.Sign(fb))
        {
            return double.NaN;
        }

        // |x − root| ≤ 10⁻¹⁴·max(1, |root|): the bracket end nearer zero bounds |root| from below (MathNet adds ε·|x|).
        double accuracy = RootTolerance * Math.Max(1.0, Math.Min(Math.Abs(a), Math.Abs(b)));
        double secantSlope = Math.Abs(fb - fa) / Math.Abs(b - a);
        Brent.TryFindRoot(s => f(s) / secantSlope, a, b, accuracy, RootIterations, out double root);
        return root;
    }

    /// <summary>
    /// The largest (<paramref name="maximise"/>) or smallest value of <paramref name="f"/> near the node
    /// <paramref name="b"/> of a bracket a &lt; b &lt; c where f(b) = <paramref name="fb"/> is at least as good as
    /// f(a) and f(c), by MathNet's golden-section search (<see cref="GoldenSectionMinimizer"/>; Press et al. 2007,
    /// §10.2) to 10⁻¹²·max(1, |a|) in S. MathNet needs the first interior point it evaluates, 1/(1 + φ) of the
    /// way into its bracket, to be no worse than both ends and otherwise widens the bracket (possibly to S &lt; 0),
    /// so its bracket [lo, hi] ⊆ [a, c] is placed with that point on b and no widening is allowed; when the end
    /// inside (a, c) beats f(b) the search moves to the bracket around that end, which is then the better node.
    /// </summary>
    internal static double LocalExtreme(Func<double, double> f, double a, double b, double c, double fb, bool maximise)
    {
        double sign = maximise ? -1.0 : 1.0; // MathNet minimises sign·f
        double best = sign * fb;
        double phi = Constants.GoldenRatio;
        for (int level = 0; level < BracketLevels; level++)
        {
            // b − lo = W/φ² and hi − b = W/φ (1 + φ = φ²): the widest such bracket inside [a, c].
            double width = Math.Min((b - a) * phi * phi, (c - b) * phi);
            bool innerIsHigh = (b - a) * phi * phi <= (c - b) * phi;
            double lo = innerIsHigh ? a : c - width;
            double hi = innerIsHigh ? a + width : c;
            double inner = innerIsHigh ? hi : lo;
            double innerValue = inner == a || inner == c ? best : sign * f(inner);
            if (innerValue < best)
            {
                (a, b, c, best) = innerIsHigh ? (b, hi, c, innerValue) : (a, lo, b, innerValue);
                continue;
            }

            if (!(hi - lo > 0.0))
            {
                break;
            }

            try
            {
                var result = GoldenSectionMinimizer.Minimum(
                    ObjectiveFunction.ScalarValue(s => sign * f(s)), lo, hi,
                    xTolerance: GoldenTolerance * Math.Max(1.0, Math.Abs(lo)), maxIterations: GoldenIterations, maxExpansionSteps: 0);
                best = Math.Min(best, result.FunctionInfoAtMinimum.Value);
            }
            catch (OptimizationException)
            {
                // Its recomputed interior point fell an ulp off b onto a worse value (a flat stretch), or its
                // iterations ran out (MaximumIterationsException): the best value seen, f(b) or better, stands.
            }

            break;
        }

        return sign * best;
    }
}
