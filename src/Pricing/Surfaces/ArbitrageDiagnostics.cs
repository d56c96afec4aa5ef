using System.Collections.Immutable;

namespace Analytics.Pricing.Surfaces;

/// <summary>
/// Static-arbitrage diagnostics of SVI slices and surfaces (Gatheral &amp; Jacquier, "Arbitrage-free SVI volatility
/// surfaces", <i>Quantitative Finance</i> 14(1), 2014): butterfly arbitrage from Durrleman's g(k) ≥ 0 on a dense
/// log-moneyness grid (their Lemma 2.2), Lee's wing bound b(1 ± ρ) ≤ 2, and calendar-spread arbitrage from total
/// variance non-decreasing in tenor at fixed log-moneyness k = ln(K/F_T) (their Lemma 2.1).
/// </summary>
/// <remarks>
/// Grids: the butterfly grid is the union of <see cref="DefaultGridPoints"/> uniform points on
/// [−L, L], L = max(<see cref="MinimumHalfWidth"/>, 6·√w(0)), and 201 points on [m − 8σ, m + 8σ] (clipped to
/// [−L, L]) so that narrow vertices of short-dated smiles are resolved. Tolerance: g &lt; −1e-12 is a violation.
/// A grid check cannot prove g ≥ 0 between grid points; the asymptotic limit g → 1/4 − s²/16 for wing slope s is
/// covered by the Lee check. Pure and thread-safe.
/// </remarks>
public static class ArbitrageDiagnostics
{
    /// <summary>Uniform grid points of the default butterfly grid.</summary>
    public const int DefaultGridPoints = 401;

    /// <summary>Smallest half-width L of the default grid, in log-moneyness (±1.5 covers strikes from 0.22·F to 4.5·F).</summary>
    public const double MinimumHalfWidth = 1.5;

    private const double Tolerance = 1e-12;

    /// <summary>Diagnoses butterfly arbitrage and Lee's bound of one slice on the default grid.</summary>
    /// <param name="parameters">Raw SVI parameters of the slice.</param>
    /// <returns>The diagnosis (violations as values, never thrown).</returns>
    public static ButterflyDiagnosis Diagnose(SviParameters parameters)
    {
        double half = Math.Max(MinimumHalfWidth, 6.0 * Math.Sqrt(Math.Max(parameters.TotalVariance(0.0), 0.0)));
        return Diagnose(parameters, ButterflyGrid(parameters, -half, half, DefaultGridPoints));
    }

    /// <summary>Diagnoses butterfly arbitrage and Lee's bound of one slice on a uniform grid.</summary>
    /// <param name="parameters">Raw SVI parameters of the slice.</param>
    /// <param name="fromLogMoneyness">Lowest k on the grid.</param>
    /// <param name="toLogMoneyness">Highest k, &gt; <paramref name="fromLogMoneyness"/>.</param>
    /// <param name="gridPoints">Number of uniform points, ≥ 2.</param>
    /// <returns>The diagnosis.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The grid is empty or not finite.</exception>
    public static ButterflyDiagnosis Diagnose(
        SviParameters parameters, double fromLogMoneyness, double toLogMoneyness, int gridPoints)
    {
        ValidateGrid(fromLogMoneyness, toLogMoneyness, gridPoints);
        return Diagnose(parameters, Uniform(fromLogMoneyness, toLogMoneyness, gridPoints));
    }

    /// <summary>
    /// Calendar check between consecutive slices: total variance w(k, T) must not fall from one expiry to the next at
    /// any k on a uniform grid.
    /// </summary>
    /// <param name="slices">Slices as (expiry, raw SVI parameters), in any order; sorted by expiry here.</param>
    /// <param name="fromLogMoneyness">Lowest k on the grid.</param>
    /// <param name="toLogMoneyness">Highest k.</param>
    /// <param name="gridPoints">Number of uniform points, ≥ 2.</param>
    /// <returns>Violations (empty when there are none), by expiry and k.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The grid is empty or not finite.</exception>
    public static ImmutableArray<CalendarViolation> DiagnoseCalendar(
        IReadOnlyList<(DateTimeOffset ExpiryUtc, SviParameters Parameters)> slices,
        double fromLogMoneyness, double toLogMoneyness, int gridPoints = DefaultGridPoints)
    {
        ArgumentNullException.ThrowIfNull(slices);
        ValidateGrid(fromLogMoneyness, toLogMoneyness, gridPoints);
        var grid = Uniform(fromLogMoneyness, toLogMoneyness, gridPoints);
        var ordered = slices.OrderBy(s => s.ExpiryUtc).ToArray();
        var violations = ImmutableArray.CreateBuilder<CalendarViolation>();
        for (int s = 0; s + 1 < ordered.Length; s++)
        {
            var (earlier, near) = ordered[s];
            var (later, far) = ordered[s + 1];
            int start = -1;
            double worst = 0.0, kWorst = 0.0;
            for (int i = 0; i <= grid.Length; i++)
            {
                double deficit = i < grid.Length ? near.TotalVariance(grid[i]) - far.TotalVariance(grid[i]) : double.NegativeInfinity;
                bool bad = deficit > Tolerance * (1.0 + Math.Abs(far.TotalVariance(grid[Math.Min(i, grid.Length - 1)])));
                if (bad)
                {
                    if (start < 0)
                    {
                        start = i;
                        worst = deficit;
                        kWorst = grid[i];
                    }
                    else if (deficit > worst)
                    {
                        worst = deficit;
                        kWorst = grid[i];
                    }
                }
                else if (start >= 0)
                {
                    violations.Add(new CalendarViolation(earlier, later, grid[start], grid[i - 1], worst, kWorst));
                    start = -1;
                }
            }
        }

        return violations.ToImmutable();
    }

    /// <summary>
    /// Full report of a set of slices: <see cref="Diagnose(SviParameters)"/> on each and
    /// <see cref="DiagnoseCalendar"/> on [−L, L] with L the largest default butterfly half-width.
    /// </summary>
    /// <param name="slices">Slices as (expiry, raw SVI parameters).</param>
    /// <returns>The report.</returns>
    public static ArbitrageReport Diagnose(IReadOnlyList<(DateTimeOffset ExpiryUtc, SviParameters Parameters)> slices)
    {
        ArgumentNullException.ThrowIfNull(slices);
        var ordered = slices.OrderBy(s => s.ExpiryUtc).ToArray();
        var butterfly = ordered.Select(s => Diagnose(s.Parameters)).ToImmutableArray();
        double half = butterfly.IsEmpty ? MinimumHalfWidth : butterfly.Max(b => Math.Max(-b.GridFrom, b.GridTo));
        var calendar = DiagnoseCalendar(ordered, -half, half);
        return new ArbitrageReport(butterfly, calendar, -half, half);
    }

    private static ButterflyDiagnosis Diagnose(SviParameters parameters, double[] grid)
    {
        var violations = ImmutableArray.CreateBuilder<ButterflyViolation>();
        double minimum = double.PositiveInfinity, kMinimum = grid[0];
        int start = -1;
        double intervalMinimum = 0.0, intervalK = 0.0;
        for (int i = 0; i <= grid.Length; i++)
        {
            double g = i < grid.Length ? parameters.DurrlemanG(grid[i]) : 0.0;
            if (i < grid.Length && g < minimum)
            {
                minimum = g;
                kMinimum = grid[i];
            }

            if (i < grid.Length && g < -Tolerance)
            {
                if (start < 0 || g < intervalMinimum)
                {
                    intervalMinimum = g;
                    intervalK = grid[i];
                }

                start = start < 0 ? i : start;
            }
            else if (start >= 0)
            {
                violations.Add(new ButterflyViolation(grid[start], grid[i - 1], intervalMinimum, intervalK));
                start = -1;
            }
        }

        return new ButterflyDiagnosis(parameters, grid[0], grid[^1], grid.Length, minimum, kMinimum, violations.ToImmutable());
    }

    /// <summary>The default butterfly grid: uniform on [from, to] plus a dense patch around the SVI vertex.</summary>
    internal static double[] ButterflyGrid(SviParameters parameters, double from, double to, int points)
    {
        var uniform = Uniform(from, to, points);
        double lo = Math.Max(from, parameters.M - 8.0 * parameters.Sigma);
        double hi = Math.Min(to, parameters.M + 8.0 * parameters.Sigma);
        if (!(hi > lo))
        {
            return uniform;
        }

        var merged = new double[uniform.Length + 201];
        uniform.CopyTo(merged, 0);
        Uniform(lo, hi, 201).CopyTo(merged, uniform.Length);
        Array.Sort(merged);
        return merged;
    }

    private static double[] Uniform(double from, double to, int points)
    {
        var grid = new double[points];
        double step = (to - from) / (points - 1);
        for (int i = 0; i < points; i++)
        {
            grid[i] = from + i * step;
        }

        grid[^1] = to;
        return grid;
    }

    private static void ValidateGrid(double from, double to, int points)
    {
        Guard.Finite(from, "fromLogMoneyness");
        Guard.Finite(to, "toLogMoneyness");
        if (!(to > from))
        {
            throw new ArgumentOutOfRangeException("toLogMoneyness", to, "The grid must have toLogMoneyness > fromLogMoneyness.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(points, 2, "gridPoints");
    }
}
