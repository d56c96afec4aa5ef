using Analytics.Pricing.Risk.Var;
using BenchmarkDotNet.Attributes;
using MathNet.Numerics.LinearAlgebra;

namespace Analytics.Benchmarks;

/// <summary>
/// Issue 15 item 9: parametric delta-normal VaR on 50 underlyings (goal ≤ 1 ms): 1,000 positions' dollar deltas, the
/// daily covariance estimated from 365 days of returns (<see cref="ReturnCovariance.Sample"/> and
/// <see cref="ReturnCovariance.Ewma"/>, MathNet) and the estimate with its Euler contributions
/// (<see cref="DeltaNormalVar.Estimate"/>). Baseline: the single-threaded scalar loop over the same work written by hand
/// (sample covariance by three nested loops, then σ² = Σ_p Σ_q δ_p δ_q Σ_{u(p),u(q)} over position pairs).
/// </summary>
[MemoryDiagnoser]
public class DeltaNormalVarBenchmarks
{
    private const int Underlyings = 50, Positions = 1_000, Days = 365;

    private Matrix<double> _returns = null!;
    private (int Underlying, double DollarDelta)[] _deltas = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(17);
        // One common factor and an idiosyncratic part: correlated daily log returns of about 3 %.
        _returns = Matrix<double>.Build.Dense(Days, Underlyings);
        for (int d = 0; d < Days; d++)
        {
            double common = Normal(random);
            for (int u = 0; u < Underlyings; u++) _returns[d, u] = 0.03 * (0.7 * common + 0.7 * Normal(random));
        }

        _deltas = [.. Enumerable.Range(0, Positions).Select(p => (p % Underlyings, 1e5 * (random.NextDouble() - 0.5)))];
    }

    [Benchmark(Baseline = true, Description = "Scalar loops: sample covariance + position-pair variance, 1 thread")]
    public double ScalarLoop()
    {
        var mean = new double[Underlyings];
        for (int u = 0; u < Underlyings; u++)
        {
            for (int d = 0; d < Days; d++) mean[u] += _returns[d, u];
            mean[u] /= Days;
        }

        var covariance = new double[Underlyings, Underlyings];
        for (int i = 0; i < Underlyings; i++)
            for (int j = 0; j < Underlyings; j++)
            {
                double sum = 0;
                for (int d = 0; d < Days; d++) sum += (_returns[d, i] - mean[i]) * (_returns[d, j] - mean[j]);
                covariance[i, j] = sum / (Days - 1);
            }

        double variance = 0;
        foreach (var (u, a) in _deltas)
            foreach (var (v, b) in _deltas)
                variance += a * b * covariance[u, v];
        return 2.326 * Math.Sqrt(variance);
    }

    [Benchmark(Description = "Delta-normal VaR: sample covariance + estimate")]
    public double DeltaNormalSample() => DeltaNormalVar.Estimate(_deltas, ReturnCovariance.Sample(_returns), 1, 0.99).ValueAtRisk;

    [Benchmark(Description = "Delta-normal VaR: EWMA covariance (λ 0.94) + estimate")]
    public double DeltaNormalEwma() => DeltaNormalVar.Estimate(_deltas, ReturnCovariance.Ewma(_returns, 0.94), 1, 0.99).ValueAtRisk;

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
