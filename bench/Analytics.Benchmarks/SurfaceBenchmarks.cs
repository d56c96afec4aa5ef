using Analytics.Pricing;
using Analytics.Pricing.Black;
using Analytics.Pricing.Surfaces;
using BenchmarkDotNet.Attributes;

namespace Analytics.Benchmarks;

/// <summary>
/// Issue #6 speed goals: ≤ 0.3 ms per raw SVI slice of 50 quotes (quasi-explicit calibration, Zeliade 2009) and
/// ≤ 10 ms for a 20-expiry surface from quotes, including implied vols, fits and arbitrage diagnostics.
/// Synthetic but realistic inputs: SSVI-shaped smiles (ρ = −0.3, η = 1.2, γ = 0.4, 60 % ATM vol) with a deterministic
/// ±0.3 vol-point perturbation and ±1 % premium spreads. Issue 13 item 7: raw SVI with the calendar repair on a real
/// 12-expiry board of about 600 quotes (Deribit BTC, 2026-01-05 snapshot, PROVENANCE.md §1) in ≤ 100 ms.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class SurfaceBenchmarks
{
    private static readonly DateTimeOffset AsOf = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private static readonly SsviParameters Shape = new(-0.3, 1.2, 0.4);
    private double[] _k = [], _w = [], _weights = [];
    private List<SurfaceQuote> _quotes = [];
    private List<SurfaceQuote> _board = [];
    private DateTimeOffset _boardAsOf;

    [GlobalSetup]
    public void Setup()
    {
        (_boardAsOf, _board) = DeribitBoardCsv.Read("deribit_options_snapshot_20260105T153329Z.csv", "BTC");
        const double t = 0.25;
        _k = Enumerable.Range(0, 50).Select(i => -0.6 + 1.2 * i / 49.0).ToArray();
        _w = _k.Select((k, i) => Square(Math.Sqrt(Shape.TotalVariance(k, 0.36 * t) / t) + 0.003 * Math.Sin(7.0 * i)) * t).ToArray();
        _weights = _k.Select(k => 1.0 / (1.0 + 4.0 * k * k)).ToArray();
        _quotes = [];
        for (int e = 1; e <= 20; e++)
        {
            double days = 7.0 * e * e / 4.0 + 1.0;
            double tenor = days / 365.0, forward = 3200.0 * Math.Exp(0.03 * tenor);
            for (int i = -12; i <= 12; i++)
            {
                double k = 0.06 * i * Math.Sqrt(tenor / 0.25);
                double vol = Math.Sqrt(Shape.TotalVariance(k, 0.36 * tenor) / tenor) + 0.003 * Math.Sin(3.0 * i + e);
                foreach (var right in new[] { OptionRight.Call, OptionRight.Put })
                {
                    double p = BlackScholesMerton.Price(forward, forward * Math.Exp(k), tenor, vol, 1.0, right == OptionRight.Call);
                    _quotes.Add(new SurfaceQuote(AsOf.AddDays(days), forward * Math.Exp(k), right, p * 0.99, p * 1.01, UnderlyingPrice: forward));
                }
            }
        }
    }

    [Benchmark(Description = "Raw SVI slice, 50 quotes (quasi-explicit)")]
    public double RawSviSlice50() => RawSviCalibrator.Default.Calibrate(_k, _w, _weights, 0.25).Parameters.B;

    [Benchmark(Description = "Butterfly diagnosis, one slice (602-point grid)")]
    public double ButterflyDiagnosis() => ArbitrageDiagnostics.Diagnose(new SviParameters(-0.04, 0.13, 0.3, 0.36, 0.42)).MinimumG;

    [Benchmark(Description = "Surface, 20 expiries × 50 quotes, from quotes incl. IVs + diagnostics")]
    public int Surface20Expiries() => VolatilitySurfaceCalibrator.Default.Calibrate(_quotes, AsOf).Surface!.Slices.Length;

    [Benchmark(Description = "Surface, Deribit BTC board 2026-01-05 (12 expiries, 628 quotes), raw SVI + calendar repair")]
    public int DeribitBoardWithCalendarRepair() => VolatilitySurfaceCalibrator.Default.Calibrate(_board, _boardAsOf).Surface!.Slices.Length;

    private static double Square(double x) => x * x;
}
