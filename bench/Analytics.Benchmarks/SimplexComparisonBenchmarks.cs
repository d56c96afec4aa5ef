using Analytics.Pricing.Surfaces;
using BenchmarkDotNet.Attributes;

namespace Analytics.Benchmarks;

/// <summary>
/// Issue #12 item 5: the raw SVI slice fit of <see cref="SurfaceBenchmarks"/> (50 quotes, goal ≤ 300 µs) with our
/// Nelder-Mead against MathNet's <c>NelderMeadSimplex</c> as the outer (m, ln σ) search, same inputs, same run.
/// </summary>
[MemoryDiagnoser]
public class SimplexComparisonBenchmarks
{
    private static readonly RawSviCalibrator Ours = new(null, mathNetSimplex: false);
    private static readonly RawSviCalibrator MathNet = new(null, mathNetSimplex: true);
    private readonly SurfaceBenchmarks _inputs = new();

    [GlobalSetup]
    public void Setup() => _inputs.Setup();

    [Benchmark(Baseline = true, Description = "Raw SVI slice, 50 quotes, our Nelder-Mead")]
    public double Ours50() => _inputs.Fit(Ours);

    [Benchmark(Description = "Raw SVI slice, 50 quotes, MathNet NelderMeadSimplex")]
    public double MathNet50() => _inputs.Fit(MathNet);
}
