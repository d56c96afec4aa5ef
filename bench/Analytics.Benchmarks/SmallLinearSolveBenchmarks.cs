using Analytics.Pricing.Surfaces;
using BenchmarkDotNet.Attributes;
using MathNet.Numerics.LinearAlgebra;

namespace Analytics.Benchmarks;

/// <summary>
/// Issue #12 item 5: the 3 × 3 linear algebra inside <see cref="QuasiExplicitSviSolver"/> (called about 550 times per
/// raw SVI slice fit): its closed-form cofactor inverse of H = Σω φφᵀ applied to the gradient and the seven constraint
/// rows, against MathNet's dense LU inverse and matrix-vector products doing the same; and the whole inner solve for
/// scale. Same 50-quote slice as <see cref="SurfaceBenchmarks"/>, (m, σ) = (0, 0.2).
/// </summary>
[MemoryDiagnoser]
public class SmallLinearSolveBenchmarks
{
    private readonly double[] _h = new double[9];
    private readonly double[][] _rhs = new double[8][];
    private double[] _k = [], _w = [], _omega = [];

    [GlobalSetup]
    public void Setup()
    {
        var shape = new SsviParameters(-0.3, 1.2, 0.4);
        const double t = 0.25, m = 0.0, sigma = 0.2;
        _k = Enumerable.Range(0, 50).Select(i => -0.6 + 1.2 * i / 49.0).ToArray();
        _w = _k.Select((k, i) => Math.Pow(Math.Sqrt(shape.TotalVariance(k, 0.36 * t) / t) + 0.003 * Math.Sin(7.0 * i), 2) * t).ToArray();
        double total = _k.Sum(k => 1.0 / (1.0 + 4.0 * k * k));
        _omega = _k.Select(k => 1.0 / (1.0 + 4.0 * k * k) / total).ToArray();
        double[] g = new double[3];
        for (int i = 0; i < _k.Length; i++)
        {
            double y = (_k[i] - m) / sigma, z = Math.Sqrt(y * y + 1.0);
            double[] phi = [1.0, y, z];
            for (int r = 0; r < 3; r++)
            {
                g[r] += _omega[i] * _w[i] * phi[r];
                for (int c = 0; c < 3; c++)
                {
                    _h[3 * r + c] += _omega[i] * phi[r] * phi[c];
                }
            }
        }

        _rhs[0] = g;
        double q = 1.0 - QuasiExplicitSviSolver.RhoMargin;
        double[][] rows = [[0, 1, -q], [0, -1, -q], [0, 1, 1], [0, -1, 1], [-1, 1, -1], [-1, -1, -1], [1, 0, 0]];
        rows.CopyTo(_rhs, 1);
    }

    [Benchmark(Baseline = true, Description = "3x3: cofactor inverse + 8 products (ours, as in the solver)")]
    public double Cofactor()
    {
        var h = _h;
        double c00 = h[4] * h[8] - h[5] * h[5], c01 = h[2] * h[5] - h[1] * h[8], c02 = h[1] * h[5] - h[2] * h[4];
        double c11 = h[0] * h[8] - h[2] * h[2], c12 = h[1] * h[2] - h[0] * h[5], c22 = h[0] * h[4] - h[1] * h[1];
        double inv = 1.0 / (h[0] * c00 + h[1] * c01 + h[2] * c02);
        double sum = 0.0;
        foreach (var g in _rhs)
        {
            sum += (c00 * g[0] + c01 * g[1] + c02 * g[2]) * inv + (c01 * g[0] + c11 * g[1] + c12 * g[2]) * inv
                + (c02 * g[0] + c12 * g[1] + c22 * g[2]) * inv;
        }

        return sum;
    }

    [Benchmark(Description = "3x3: MathNet LU inverse + 8 products")]
    public double MathNetLu()
    {
        var inverse = Matrix<double>.Build.Dense(3, 3, _h).Inverse();
        double sum = 0.0;
        foreach (var g in _rhs)
        {
            sum += (inverse * Vector<double>.Build.Dense(g)).Sum();
        }

        return sum;
    }

    [Benchmark(Description = "Whole inner solve, 50 quotes (for scale)")]
    public double InnerSolve() => QuasiExplicitSviSolver.Solve(_k, _w, _omega, 0.0, 0.2, 2.0, _w.Max()).Objective;
}
