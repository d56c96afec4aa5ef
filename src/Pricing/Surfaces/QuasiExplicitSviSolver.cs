namespace Analytics.Pricing.Surfaces;

// Closed-form 3x3 algebra, not MathNet's LU (on the raw SVI hot path): bench/RESULTS.md, "General routines: MathNet.Numerics or ours (issue #12)".
/// <summary>
/// The inner problem of the quasi-explicit SVI calibration (Zeliade Systems, "Quasi-explicit calibration of Gatheral's
/// SVI model", white paper ZWP-0005, 2009; De Marco &amp; Martini, same method): for fixed (m, σ), with y = (k − m)/σ,
/// z = √(y² + 1), the slice w(k) = a + d·y + c·z is linear in (a, d, c), where c = bσ and d = ρbσ. The weighted least
/// squares min Σ ωᵢ(a + d·yᵢ + c·zᵢ − wᵢ)² is solved exactly over the polytope
/// <list type="bullet">
/// <item>|d| ≤ (1 − ε)·c (b ≥ 0, |ρ| &lt; 1),</item>
/// <item>c + |d| ≤ s·σ (Lee's wing bound b(1 + |ρ|) ≤ s, s = 2 by default),</item>
/// <item>a + c − |d| ≥ 0 (sufficient for a + bσ√(1 − ρ²) ≥ 0, since √(c² − d²) ≥ c − |d|),</item>
/// <item>a ≤ max wᵢ (Zeliade's upper bound on the level).</item>
/// </list>
/// Exactness: the unconstrained minimiser is returned when feasible; otherwise every active set of one to three
/// constraints is tried in order of size and the first KKT point (feasible, non-negative multipliers) is the unique
/// optimum of the strictly convex problem (Nocedal &amp; Wright, <i>Numerical Optimization</i>, 2nd ed. 2006, §16.5).
/// </summary>
internal static class QuasiExplicitSviSolver
{
    internal const double RhoMargin = 1e-6;
    private const int Constraints = 7;
    private static readonly int[] ActiveSets = BuildActiveSets();

    /// <summary>Inner solution: the linear parameters and the weighted sum of squares.</summary>
    internal readonly record struct Solution(double A, double D, double C, double Objective);

    /// <summary>Solves the inner problem for fixed (m, σ). Weights must be non-negative with a positive sum.</summary>
    internal static Solution Solve(
        ReadOnlySpan<double> k, ReadOnlySpan<double> w, ReadOnlySpan<double> weights, double m, double sigma,
        double maximumWingSlope, double maximumLevel)
    {
        double s1 = 0, sy = 0, sz = 0, syy = 0, syz = 0, szz = 0, sw = 0, swy = 0, swz = 0;
        double inverseSigma = 1.0 / sigma;
        for (int i = 0; i < k.Length; i++)
        {
            double o = weights[i];
            double y = (k[i] - m) * inverseSigma;
            double z = Math.Sqrt(y * y + 1.0);
            double oy = o * y, oz = o * z, ow = o * w[i];
            s1 += o;
            sy += oy;
            sz += oz;
            syy += oy * y;
            syz += oy * z;
            szz += oz * z;
            sw += ow;
            swy += ow * y;
            swz += ow * z;
        }

        // H = Σω φφᵀ with φ = (1, y, z); a small ridge keeps it invertible when the basis is nearly degenerate.
        double ridge = 1e-13 * (s1 + syy + szz);
        double h00 = s1 + ridge, h01 = sy, h02 = sz, h11 = syy + ridge, h12 = syz, h22 = szz + ridge;
        double c00 = h11 * h22 - h12 * h12, c01 = h02 * h12 - h01 * h22, c02 = h01 * h12 - h02 * h11;
        double c11 = h00 * h22 - h02 * h02, c12 = h01 * h02 - h00 * h12, c22 = h00 * h11 - h01 * h01;
        double det = h00 * c00 + h01 * c01 + h02 * c02;
        double inv = 1.0 / det;
        Span<double> hinv = [c00 * inv, c01 * inv, c02 * inv, c01 * inv, c11 * inv, c12 * inv, c02 * inv, c12 * inv, c22 * inv];
        Span<double> x0 = stackalloc double[3];
        MultiplyInverse(hinv, sw, swy, swz, x0);

        // Rows c_j·(a, d, c) ≤ e_j.
        double q = 1.0 - RhoMargin, lee = maximumWingSlope * sigma;
        Span<double> rows = [0, 1, -q, 0, -1, -q, 0, 1, 1, 0, -1, 1, -1, 1, -1, -1, -1, -1, 1, 0, 0];
        Span<double> bounds = [0, 0, lee, lee, 0, 0, maximumLevel];
        double tolerance = 1e-13 * (1.0 + Math.Abs(maximumLevel) + lee);
        if (Feasible(rows, bounds, x0, tolerance))
        {
            return new Solution(x0[0], x0[1], x0[2], Residual(k, w, weights, m, inverseSigma, x0));
        }

        Span<double> v = stackalloc double[3 * Constraints];
        Span<double> r = stackalloc double[Constraints];
        for (int j = 0; j < Constraints; j++)
        {
            var row = rows.Slice(3 * j, 3);
            MultiplyInverse(hinv, row[0], row[1], row[2], v.Slice(3 * j, 3));
            r[j] = row[0] * x0[0] + row[1] * x0[1] + row[2] * x0[2] - bounds[j];
        }

        Span<double> x = stackalloc double[3];
        Span<int> active = stackalloc int[3];
        Span<double> lambda = stackalloc double[3];
        foreach (int mask in ActiveSets)
        {
            int count = 0;
            for (int j = 0; j < Constraints; j++)
            {
                if ((mask & (1 << j)) != 0)
                {
                    active[count++] = j;
                }
            }

            if (!SolveMultipliers(rows, v, r, active[..count], lambda) )
            {
                continue;
            }

            bool nonNegative = true;
            for (int i = 0; i < count; i++)
            {
                nonNegative &= lambda[i] >= -1e-15;
            }

            if (!nonNegative)
            {
                continue;
            }

            x0.CopyTo(x);
            for (int i = 0; i < count; i++)
            {
                var vj = v.Slice(3 * active[i], 3);
                x[0] -= lambda[i] * vj[0];
                x[1] -= lambda[i] * vj[1];
                x[2] -= lambda[i] * vj[2];
            }

            if (Feasible(rows, bounds, x, tolerance))
            {
                return new Solution(x[0], x[1], x[2], Residual(k, w, weights, m, inverseSigma, x));
            }
        }

        // Degenerate data (no KKT point found numerically): the flat smile at the weighted mean is always feasible.
        double level = Math.Min(sw / s1, maximumLevel);
        x[0] = level;
        x[1] = 0.0;
        x[2] = 0.0;
        return new Solution(level, 0.0, 0.0, Residual(k, w, weights, m, inverseSigma, x));
    }

    private static void MultiplyInverse(ReadOnlySpan<double> hinv, double g0, double g1, double g2, Span<double> result)
    {
        result[0] = hinv[0] * g0 + hinv[1] * g1 + hinv[2] * g2;
        result[1] = hinv[3] * g0 + hinv[4] * g1 + hinv[5] * g2;
        result[2] = hinv[6] * g0 + hinv[7] * g1 + hinv[8] * g2;
    }

    /// <summary>Solves (C_A H⁻¹ C_Aᵀ) λ = C_A x₀ − e_A for up to three active constraints (Cramer's rule).</summary>
    private static bool SolveMultipliers(
        ReadOnlySpan<double> rows, ReadOnlySpan<double> v, ReadOnlySpan<double> r, ReadOnlySpan<int> active, Span<double> lambda)
    {
        int n = active.Length;
        Span<double> g = stackalloc double[9];
        for (int i = 0; i < n; i++)
        {
            var row = rows.Slice(3 * active[i], 3);
            for (int j = 0; j < n; j++)
            {
                var vj = v.Slice(3 * active[j], 3);
                g[3 * i + j] = row[0] * vj[0] + row[1] * vj[1] + row[2] * vj[2];
            }
        }

        double scale = Math.Abs(g[0]) + Math.Abs(g[4]) + Math.Abs(g[8]);
        switch (n)
        {
            case 1:
                if (!(g[0] > 1e-14 * scale))
                {
                    return false;
                }

                lambda[0] = r[active[0]] / g[0];
                return true;
            case 2:
            {
                double det = g[0] * g[4] - g[1] * g[3];
                if (!(Math.Abs(det) > 1e-12 * scale * scale))
                {
                    return false;
                }

                double r0 = r[active[0]], r1 = r[active[1]];
                lambda[0] = (r0 * g[4] - g[1] * r1) / det;
                lambda[1] = (g[0] * r1 - g[3] * r0) / det;
                return true;
            }

            default:
            {
                double m00 = g[4] * g[8] - g[5] * g[7], m01 = g[2] * g[7] - g[1] * g[8], m02 = g[1] * g[5] - g[2] * g[4];
                double det = g[0] * m00 + g[3] * m01 + g[6] * m02;
                if (!(Math.Abs(det) > 1e-10 * scale * scale * scale))
                {
                    return false;
                }

                double m10 = g[5] * g[6] - g[3] * g[8], m11 = g[0] * g[8] - g[2] * g[6], m12 = g[2] * g[3] - g[0] * g[5];
                double m20 = g[3] * g[7] - g[4] * g[6], m21 = g[1] * g[6] - g[0] * g[7], m22 = g[0] * g[4] - g[1] * g[3];
                double r0 = r[active[0]], r1 = r[active[1]], r2 = r[active[2]];
                lambda[0] = (m00 * r0 + m01 * r1 + m02 * r2) / det;
                lambda[1] = (m10 * r0 + m11 * r1 + m12 * r2) / det;
                lambda[2] = (m20 * r0 + m21 * r1 + m22 * r2) / det;
                return true;
            }
        }
    }

    private static bool Feasible(ReadOnlySpan<double> rows, ReadOnlySpan<double> bounds, ReadOnlySpan<double> x, double tolerance)
    {
        for (int j = 0; j < Constraints; j++)
        {
            if (rows[3 * j] * x[0] + rows[3 * j + 1] * x[1] + rows[3 * j + 2] * x[2] > bounds[j] + tolerance)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Σ ωᵢ(a + d·yᵢ + c·zᵢ − wᵢ)², summed directly (no cancellation for near-perfect fits).</summary>
    private static double Residual(
        ReadOnlySpan<double> k, ReadOnlySpan<double> w, ReadOnlySpan<double> weights, double m, double inverseSigma,
        ReadOnlySpan<double> x)
    {
        double sum = 0.0;
        for (int i = 0; i < k.Length; i++)
        {
            double y = (k[i] - m) * inverseSigma;
            double e = x[0] + x[1] * y + x[2] * Math.Sqrt(y * y + 1.0) - w[i];
            sum += weights[i] * e * e;
        }

        return sum;
    }

    private static int[] BuildActiveSets() =>
        Enumerable.Range(1, (1 << Constraints) - 1)
            .Where(mask => int.PopCount(mask) <= 3)
            .OrderBy(int.PopCount)
            .ThenBy(mask => mask)
            .ToArray();
}
