namespace Analytics.Pricing.Surfaces;

// Ours, not MathNet's NelderMeadSimplex (1.23x slower per raw SVI slice, same run): bench/RESULTS.md, "General routines: MathNet.Numerics or ours (issue #12)".
/// <summary>
/// Nelder-Mead downhill simplex for a few unconstrained variables (Nelder &amp; Mead, <i>Computer Journal</i> 7, 1965),
/// with the standard coefficients (reflection 1, expansion 2, contraction ½, shrink ½) as in Lagarias et al.,
/// "Convergence properties of the Nelder-Mead simplex method in low dimensions", <i>SIAM J. Optim.</i> 9, 1998.
/// </summary>
/// <remarks>Internal. Stops when the simplex's spread of values and of vertices fall below the tolerances.</remarks>
internal static class NelderMead
{
    /// <summary>Minimises <paramref name="objective"/> from <paramref name="start"/> with initial steps <paramref name="steps"/>.</summary>
    /// <returns>The best vertex found (written into <paramref name="start"/>), its value and the evaluations used.</returns>
    internal static (double Value, int Evaluations) Minimize(
        Func<double[], double> objective, double[] start, double[] steps, double valueTolerance, double pointTolerance,
        int maximumEvaluations)
    {
        int n = start.Length;
        var simplex = new double[n + 1][];
        var values = new double[n + 1];
        for (int i = 0; i <= n; i++)
        {
            simplex[i] = (double[])start.Clone();
            if (i > 0)
            {
                simplex[i][i - 1] += steps[i - 1];
            }

            values[i] = objective(simplex[i]);
        }

        int evaluations = n + 1;
        var centroid = new double[n];
        var reflected = new double[n];
        var trial = new double[n];
        while (evaluations < maximumEvaluations)
        {
            Order(simplex, values);
            double spread = Math.Abs(values[n] - values[0]);
            double size = 0.0;
            for (int i = 1; i <= n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    size = Math.Max(size, Math.Abs(simplex[i][j] - simplex[0][j]));
                }
            }

            if (spread <= valueTolerance * (Math.Abs(values[0]) + 1e-300) + 1e-300 && size <= pointTolerance || size <= 1e-14)
            {
                break;
            }

            Array.Clear(centroid);
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    centroid[j] += simplex[i][j] / n;
                }
            }

            Combine(centroid, simplex[n], -1.0, reflected);
            double fr = objective(reflected);
            evaluations++;
            if (fr < values[0])
            {
                Combine(centroid, simplex[n], -2.0, trial);
                double fe = objective(trial);
                evaluations++;
                Replace(simplex, values, n, fe < fr ? trial : reflected, Math.Min(fe, fr));
                continue;
            }

            if (fr < values[n - 1])
            {
                Replace(simplex, values, n, reflected, fr);
                continue;
            }

            bool outside = fr < values[n];
            Combine(centroid, simplex[n], outside ? -0.5 : 0.5, trial);
            double fc = objective(trial);
            evaluations++;
            if (fc < (outside ? fr : values[n]))
            {
                Replace(simplex, values, n, trial, fc);
                continue;
            }

            for (int i = 1; i <= n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    simplex[i][j] = simplex[0][j] + 0.5 * (simplex[i][j] - simplex[0][j]);
                }

                values[i] = objective(simplex[i]);
            }

            evaluations += n;
        }

        Order(simplex, values);
        simplex[0].CopyTo(start, 0);
        return (values[0], evaluations);
    }

    /// <summary>result = centroid + t·(vertex − centroid).</summary>
    private static void Combine(double[] centroid, double[] vertex, double t, double[] result)
    {
        for (int j = 0; j < centroid.Length; j++)
        {
            result[j] = centroid[j] + t * (vertex[j] - centroid[j]);
        }
    }

    private static void Replace(double[][] simplex, double[] values, int index, double[] point, double value)
    {
        point.CopyTo(simplex[index], 0);
        values[index] = value;
    }

    private static void Order(double[][] simplex, double[] values)
    {
        // Insertion sort: n + 1 ≤ 4 vertices.
        for (int i = 1; i < values.Length; i++)
        {
            double v = values[i];
            var p = simplex[i];
            int j = i - 1;
            while (j >= 0 && (values[j] > v || double.IsNaN(values[j])))
            {
                values[j + 1] = values[j];
                simplex[j + 1] = simplex[j];
                j--;
            }

            values[j + 1] = v;
            simplex[j + 1] = p;
        }
    }
}
