using Analytics.Pricing.Surfaces;
using BenchmarkDotNet.Attributes;

namespace Analytics.Benchmarks;

/// <summary>
/// Issue 13 item 7: an SSVI or eSSVI fit of a 12-expiry, ~600-quote board in ≤ 50 ms. Input: the Deribit BTC board of
/// 2025-12-30 17:31 UTC from the shared data folder (630 quotes, 12 expiries; PROVENANCE.md §1), prepared once in
/// <see cref="Setup"/> (implied vols and forwards). "Surface" rows fit from the prepared smiles: 12 raw SVI slices, the
/// SSVI or eSSVI calibration on top, and the butterfly and calendar diagnostics. "Calibrator" rows time SSVI or eSSVI
/// alone, from the raw SVI slices fitted in the setup.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class SsviBenchmarks
{
    private static readonly VolatilitySurfaceCalibrator SsviSurface = new(new SurfaceCalibrationOptions(SurfaceModel.Ssvi));
    private static readonly VolatilitySurfaceCalibrator EssviSurface = new(new SurfaceCalibrationOptions(SurfaceModel.Essvi));
    private PreparedQuotes _prepared = null!;
    private List<MarketSmile> _smiles = [];
    private List<SviParameters> _raw = [];

    [GlobalSetup]
    public void Setup()
    {
        var (asOf, quotes) = DeribitBoardCsv.Read("deribit_options_snapshot_20251230T173115Z.csv", "BTC");
        _prepared = SurfaceQuotePreparer.Prepare(quotes, asOf, QuoteFilterOptions.Default);
        var fits = _prepared.Smiles.Select(s => (Smile: s, Fit: RawSviCalibrator.Default.Calibrate(s))).Where(x => x.Fit.IsCalibrated).ToList();
        _smiles = fits.Select(x => x.Smile).ToList();
        _raw = fits.Select(x => x.Fit.Parameters).ToList();
    }

    [Benchmark(Description = "SSVI surface, Deribit BTC 12 expiries (raw slices + SSVI + diagnostics)")]
    public int SsviSurfaceFit() => SsviSurface.Calibrate(_prepared).Surface!.Slices.Length;

    [Benchmark(Description = "eSSVI surface, Deribit BTC 12 expiries (raw slices + eSSVI + diagnostics)")]
    public int EssviSurfaceFit() => EssviSurface.Calibrate(_prepared).Surface!.Slices.Length;

    [Benchmark(Description = "SSVI calibrator alone, 12 slices")]
    public double SsviCalibratorOnly() =>
        SsviCalibrator.Default.Calibrate(_smiles, _raw.Select(p => Math.Max(p.TotalVariance(0.0), 1e-12)).ToArray()).RmseVolPoints;

    [Benchmark(Description = "eSSVI calibrator alone, 12 slices")]
    public double EssviCalibratorOnly() => EssviCalibrator.Default.Calibrate(_smiles, _raw).RmseVolPoints;
}
