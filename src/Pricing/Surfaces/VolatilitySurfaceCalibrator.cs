using System.Collections.Immutable;
using System.Diagnostics;

namespace Analytics.Pricing.Surfaces;

/// <summary>
/// From quotes to a diagnosed <see cref="VolatilitySurface"/> (PRODUCT.md §3.2): <see cref="SurfaceQuotePreparer"/>,
/// then <see cref="RawSviCalibrator"/> on every expiry (and, for <see cref="SurfaceModel.Ssvi"/>,
/// <see cref="SsviCalibrator"/> on top, θ from the raw slices; for <see cref="SurfaceModel.Essvi"/>,
/// <see cref="EssviCalibrator"/> started from the raw slices), then <see cref="ArbitrageDiagnostics"/> (butterfly and
/// Lee per slice, calendar across slices).
/// </summary>
/// <remarks>Stateless: <see cref="Default"/> is thread-safe. Expected numerical outcomes (no usable slice, arbitrage)
/// come back as values: see <see cref="SurfaceCalibrationResult"/>.</remarks>
public sealed class VolatilitySurfaceCalibrator
{
    private readonly SurfaceCalibrationOptions _options;
    private readonly RawSviCalibrator _svi;

    /// <summary>Creates a calibrator.</summary>
    /// <param name="options">Settings; null for <see cref="SurfaceCalibrationOptions.Default"/>.</param>
    public VolatilitySurfaceCalibrator(SurfaceCalibrationOptions? options = null)
    {
        _options = options ?? SurfaceCalibrationOptions.Default;
        Guard.Defined(_options.Model, nameof(options));
        _svi = new RawSviCalibrator(_options.Svi);
    }

    /// <summary>The calibrator with default settings (raw SVI).</summary>
    public static VolatilitySurfaceCalibrator Default { get; } = new();

    /// <summary>Fits a surface to one underlying's quotes at <paramref name="asOfUtc"/>.</summary>
    /// <param name="quotes">Quotes of one underlying.</param>
    /// <param name="asOfUtc">Valuation instant.</param>
    /// <param name="cancellationToken">Stops the fit between expiries and stages (a client that has gone: issue 17 item 2).</param>
    /// <returns>The surface, or the reason there is none, with the dropped-quote counts either way.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public SurfaceCalibrationResult Calibrate(IReadOnlyList<SurfaceQuote> quotes, DateTimeOffset asOfUtc, CancellationToken cancellationToken = default)
    {
        long started = Stopwatch.GetTimestamp();
        var prepared = SurfaceQuotePreparer.Prepare(quotes, asOfUtc, _options.Quotes);
        return Calibrate(prepared, started, cancellationToken);
    }

    /// <summary>Fits a surface to already prepared smiles.</summary>
    /// <param name="prepared">Output of <see cref="SurfaceQuotePreparer.Prepare"/>.</param>
    /// <returns>The surface, or the reason there is none.</returns>
    public SurfaceCalibrationResult Calibrate(PreparedQuotes prepared) => Calibrate(prepared, Stopwatch.GetTimestamp(), CancellationToken.None);

    private SurfaceCalibrationResult Calibrate(PreparedQuotes prepared, long started, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var smiles = new List<MarketSmile>();
        var fits = new List<SviSliceFit>();
        foreach (var smile in prepared.Smiles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fit = _svi.Calibrate(smile);
            if (fit.IsCalibrated)
            {
                smiles.Add(smile);
                fits.Add(fit);
            }
        }

        if (smiles.Count == 0)
        {
            return new SurfaceCalibrationResult(null, prepared,
                "No expiry has enough usable quotes for a raw SVI fit (see the dropped-quote counts).");
        }

        cancellationToken.ThrowIfCancellationRequested();
        SsviFit? ssvi = null;
        var parameters = fits.Select(f => f.Parameters).ToList();
        var butterflies = fits.Select(f => f.Butterfly!).ToList();
        var repairs = new SliceRepair?[smiles.Count];
        if (_options.Model == SurfaceModel.Svi)
        {
            // Raw SVI: the quote bound on the butterfly repairs, then the calendar repair (SviCalendarRepair).
            var repaired = SviCalendarRepair.Repair(smiles, fits, _svi);
            for (int i = 0; i < smiles.Count; i++)
            {
                repairs[i] = repaired.Repairs[i];
                if (repaired.Repairs[i].Calendar != RepairOutcome.NotNeeded)
                {
                    parameters[i] = repaired.Parameters[i];
                    butterflies[i] = ArbitrageDiagnostics.Diagnose(parameters[i]);
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (_options.Model == SurfaceModel.Ssvi)
        {
            var svi = _svi.Options;
            ssvi = SsviCalibrator.Default.Calibrate(smiles, parameters.Select(p => Math.Max(p.TotalVariance(0.0), 1e-12)).ToArray(),
                svi.Weighting, svi.MinimumHalfSpreadVol);
            for (int i = 0; i < smiles.Count; i++)
            {
                parameters[i] = ssvi.SliceParameters(i);
                butterflies[i] = ArbitrageDiagnostics.Diagnose(parameters[i]);
            }
        }
        else if (_options.Model == SurfaceModel.Essvi)
        {
            var svi = _svi.Options;
            var essvi = EssviCalibrator.Default.Calibrate(smiles, parameters, svi.Weighting, svi.MinimumHalfSpreadVol);
            for (int i = 0; i < smiles.Count; i++)
            {
                parameters[i] = essvi.SliceParameters(i);
                butterflies[i] = ArbitrageDiagnostics.Diagnose(parameters[i]);
            }
        }

        var slices = smiles.Select((s, i) => SurfaceSlice.Create(s, parameters[i], butterflies[i], fits[i].ButterflyRepaired, fits[i].Elapsed,
            repairs[i])).ToImmutableArray();
        var byExpiry = slices.Select(s => (s.ExpiryUtc, s.Parameters)).ToArray();
        double half = butterflies.Max(b => Math.Max(-b.GridFrom, b.GridTo));
        var calendar = ArbitrageDiagnostics.DiagnoseCalendar(byExpiry, -half, half);
        var report = new ArbitrageReport([.. butterflies], calendar, -half, half);
        var surface = new VolatilitySurface(prepared.AsOfUtc, _options.Model, slices, report, ssvi, prepared.QuotesIn,
            prepared.DroppedByReason, Stopwatch.GetElapsedTime(started));
        return new SurfaceCalibrationResult(surface, prepared, string.Empty);
    }
}
