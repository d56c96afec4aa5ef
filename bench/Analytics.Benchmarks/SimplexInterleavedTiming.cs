using System.Diagnostics;
using System.Globalization;
using Analytics.Pricing.Surfaces;

namespace Analytics.Benchmarks;

/// <summary>
/// The comparison of <see cref="SimplexComparisonBenchmarks"/> interleaved (10 fits with ours, 10 with MathNet's, 300
/// rounds), for a machine under load: minimum, 10th percentile and median per fit. `-- interleaved-simplex`.
/// </summary>
internal static class SimplexInterleavedTiming
{
    public static void Run()
    {
        var inputs = new SurfaceBenchmarks();
        inputs.Setup();
        var ours = new RawSviCalibrator(null, mathNetSimplex: false);
        var mathNet = new RawSviCalibrator(null, mathNetSimplex: true);
        var a = new List<double>();
        var b = new List<double>();
        for (int round = 0; round < 300; round++)
        {
            a.Add(Time(inputs, ours));
            b.Add(Time(inputs, mathNet));
        }

        a.Sort();
        b.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ours: min {a[0]:F1} p10 {a[30]:F1} median {a[150]:F1} us; MathNet: min {b[0]:F1} p10 {b[30]:F1} median {b[150]:F1} us; " +
            $"ratio min {b[0] / a[0]:F2} p10 {b[30] / a[30]:F2} median {b[150] / a[150]:F2}"));
    }

    private static double Time(SurfaceBenchmarks inputs, RawSviCalibrator calibrator)
    {
        long started = Stopwatch.GetTimestamp();
        for (int i = 0; i < 10; i++)
        {
            inputs.Fit(calibrator);
        }

        return Stopwatch.GetElapsedTime(started).TotalMicroseconds / 10.0;
    }
}
