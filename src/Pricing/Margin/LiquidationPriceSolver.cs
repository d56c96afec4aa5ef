using MathNet.Numerics.RootFinding;

namespace Analytics.Pricing.Margin;

/// <summary>
/// The liquidation price of one underlying: the spot at which the account's equity equals its maintenance margin, other
/// underlyings held. Solved as a root of the surplus s(x) = equity − maintenance in the relative spot move x: the nearest
/// sign change on each side of x = 0 is bracketed by stepping out (±2.5 %, doubling), then refined by Brent's method
/// (MathNet.Numerics) to 1e-12 in x. Margin rules are continuous in spot (maxima of continuous functions), so a sign
/// change holds a root.
/// </summary>
public static class LiquidationPriceSolver
{
    private static readonly double[] DownSteps = [-0.025, -0.05, -0.1, -0.2, -0.4, -0.6, -0.8, -0.9, -0.95, -0.99, -0.999];
    private static readonly double[] UpSteps = [0.025, 0.05, 0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 6.4, 12.8, 25.6, 51.2, 99.0];

    /// <summary>The relative moves down and up at which the surplus reaches zero (null when none in range).</summary>
    /// <param name="surplus">s(x), USD; s(0) &gt; 0 for an account not yet liquidatable.</param>
    /// <returns>(down, up): down in (−1, 0), up &gt; 0; null where the surplus keeps its sign.</returns>
    public static (double? Down, double? Up) Solve(Func<double, double> surplus)
    {
        ArgumentNullException.ThrowIfNull(surplus);
        double at0 = surplus(0.0);
        return (Side(surplus, at0, DownSteps), Side(surplus, at0, UpSteps));
    }

    private static double? Side(Func<double, double> surplus, double at0, double[] steps)
    {
        double previous = 0.0, value = at0;
        foreach (double x in steps)
        {
            double next = surplus(x);
            if (Math.Sign(next) != Math.Sign(value) && next != 0.0 || next == 0.0)
            {
                if (next == 0.0) return x;
                return Brent.TryFindRoot(surplus, Math.Min(previous, x), Math.Max(previous, x), 1e-12, 200, out double root) ? root : null;
            }

            (previous, value) = (x, next);
        }

        return null;
    }
}
