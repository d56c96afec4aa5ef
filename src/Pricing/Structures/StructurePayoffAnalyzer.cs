using System.Collections.Immutable;

namespace Analytics.Pricing.Structures;

/// <summary>
/// Payoff diagram, extremes and break-evens of a <see cref="StructurePayoffFunction"/> over all spots S ≥ 0.
/// The P&amp;L is evaluated on analysis nodes that contain 0, every strike, the display grid and a fine default grid.
/// When every leg expires at T₁ the P&amp;L is piecewise linear with kinks only at strikes, so its extremes lie on
/// the nodes or in the flat tail and its roots are found exactly by linear interpolation between nodes; with later
/// legs (calendars) local extremes are refined by golden-section search and roots by the Illinois method. Beyond the
/// last node the asymptote a·S + c decides: a &gt; 0 means unbounded profit, a &lt; 0 unbounded loss, a = 0 a limit c
/// that bounds the extremes (Press et al., <i>Numerical Recipes</i>, 3rd ed. 2007, §9.2 and §10.2).
/// </summary>
internal static class StructurePayoffAnalyzer
{
    private const int AnalysisPoints = 401;
    private const int GoldenIterations = 100;
    private const int RootIterations = 200;

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
                max = Math.Max(max, Golden(f.Evaluate, x[i - 1], x[i + 1], maximise: true));
            }

            if (y[i] <= y[i - 1] && y[i] <= y[i + 1])
            {
                min = Math.Min(min, Golden(f.Evaluate, x[i - 1], x[i + 1], maximise: false));
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
                roots.Add(x[i]);
            }
            else if (i + 1 < x.Length && y[i + 1] != 0.0 && Math.Sign(y[i]) != Math.Sign(y[i + 1]))
            {
                roots.Add(f.HasLaterLegs
                    ? Illinois(f.Evaluate, x[i], y[i], x[i + 1], y[i + 1])
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
                    roots.Add(Illinois(f.Evaluate, hi / 2.0, f.Evaluate(hi / 2.0), hi, hiValue));
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

    /// <summary>Regula falsi with the Illinois modification on a bracket with f(a)·f(b) &lt; 0.</summary>
    private static double Illinois(Func<double, double> f, double a, double fa, double b, double fb)
    {
        int side = 0;
        double previous = double.NaN;
        for (int n = 0; n < RootIterations; n++)
        {
            double c = (a * fb - b * fa) / (fb - fa);
            if (!(c > Math.Min(a, b) && c < Math.Max(a, b)))
            {
                c = 0.5 * (a + b);
            }

            double fc = f(c);
            double tolerance = 1e-14 * Math.Max(1.0, Math.Abs(c));
            if (fc == 0.0 || Math.Abs(b - a) <= tolerance || Math.Abs(c - previous) <= tolerance)
            {
                return c;
            }

            previous = c;

            if (Math.Sign(fc) == Math.Sign(fb))
            {
                b = c;
                fb = fc;
                if (side == -1)
                {
                    fa *= 0.5;
                }

                side = -1;
            }
            else
            {
                a = c;
                fa = fc;
                if (side == +1)
                {
                    fb *= 0.5;
                }

                side = +1;
            }
        }

        return 0.5 * (a + b);
    }

    /// <summary>Golden-section search for the largest (or smallest) value of f on [a, b].</summary>
    private static double Golden(Func<double, double> f, double a, double b, bool maximise)
    {
        double sign = maximise ? 1.0 : -1.0;
        double ratio = 0.5 * (Math.Sqrt(5.0) - 1.0);
        double c = b - ratio * (b - a);
        double d = a + ratio * (b - a);
        double fc = sign * f(c);
        double fd = sign * f(d);
        for (int n = 0; n < GoldenIterations && b - a > 1e-12 * Math.Max(1.0, Math.Abs(a)); n++)
        {
            if (fc > fd)
            {
                b = d;
                d = c;
                fd = fc;
                c = b - ratio * (b - a);
                fc = sign * f(c);
            }
            else
            {
                a = c;
                c = d;
                fc = fd;
                d = a + ratio * (b - a);
                fd = sign * f(d);
            }
        }

        return sign * Math.Max(fc, fd);
    }
}
