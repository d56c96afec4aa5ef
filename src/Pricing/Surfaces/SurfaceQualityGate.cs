using System.Collections.Immutable;

namespace Analytics.Pricing.Surfaces;

/// <summary>
/// Whether a fitted surface is good enough to be published for pricing: no butterfly arbitrage (Durrleman's g(k) ≥ 0 on
/// the grid and Lee's wing bound, per slice), no calendar arbitrage (total variance non-decreasing in tenor at fixed k),
/// no slice whose arbitrage repair failed (<see cref="SurfaceSlice.IsFailing"/>: a repair would have moved a fitted vol
/// outside its quote's bid/ask by more than the quote's half-width), and a median slice RMSE no greater than a bound. The
/// RMSE of a slice is its in-range RMSE (<see cref="FitQuality.InRange"/>: over the strikes within the two-sided quotes)
/// against the venue's mark vols when any of those points carries one, else against the market mid vols: what the venue
/// shows is the reference a user compares with, and the wings, which only marks pin down, are reported apart.
/// </summary>
/// <remarks>
/// The arbitrage conditions are those of Gatheral &amp; Jacquier, "Arbitrage-free SVI volatility surfaces",
/// <i>Quantitative Finance</i> 14 (2014), Lemma 2.1 (calendar) and Lemma 2.2 (butterfly), with Lee (2004) for the wings;
/// the gate only reads the report the calibration produced (<see cref="VolatilitySurface.Arbitrage"/>), it diagnoses
/// nothing itself. Pure and thread-safe.
/// </remarks>
public static class SurfaceQualityGate
{
    /// <summary>The default bound on the median slice RMSE, vol points (0.5 = half a vol point).</summary>
    public const double DefaultMaxMedianRmseVolPoints = 0.5;

    /// <summary>Evaluates the gate on <paramref name="surface"/>.</summary>
    /// <param name="surface">The fitted surface.</param>
    /// <param name="maxMedianRmseVolPoints">Largest median slice RMSE that passes, vol points (1 vol point = 0.01), finite and ≥ 0.</param>
    /// <returns>The verdict, with one reason per failed condition (empty when it passed).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxMedianRmseVolPoints"/> is negative or not finite.</exception>
    public static SurfaceQualityVerdict Evaluate(VolatilitySurface surface, double maxMedianRmseVolPoints)
    {
        ArgumentNullException.ThrowIfNull(surface);
        if (!double.IsFinite(maxMedianRmseVolPoints) || maxMedianRmseVolPoints < 0)
            throw new ArgumentOutOfRangeException(nameof(maxMedianRmseVolPoints), maxMedianRmseVolPoints, "must be finite and ≥ 0 (vol points).");

        var reasons = ImmutableArray.CreateBuilder<string>();
        var report = surface.Arbitrage;
        for (var i = 0; i < report.Butterfly.Length && i < surface.Slices.Length; i++)
        {
            var butterfly = report.Butterfly[i];
            if (!butterfly.IsArbitrageFree)
                reasons.Add(FormattableString.Invariant($"butterfly arbitrage in the slice expiring {surface.Slices[i].ExpiryUtc.UtcDateTime:O}: {butterfly.Reason}"));
        }
        foreach (var calendar in report.Calendar)
            reasons.Add(calendar.ToString());
        foreach (var slice in surface.Slices.Where(s => s.IsFailing))
            reasons.Add(FormattableString.Invariant($"the slice expiring {slice.ExpiryUtc.UtcDateTime:O} fails its arbitrage repair: {slice.Repair!.Reason}"));

        var inRange = surface.Slices.Select(s => s.Quality.InRange).ToArray();
        var venueSlices = inRange.Count(q => double.IsFinite(q.RmseVsMarkVolPoints));
        var basis = venueSlices == inRange.Length ? SurfaceRmseBasis.VenueMarks
            : venueSlices == 0 ? SurfaceRmseBasis.Mids : SurfaceRmseBasis.VenueMarksElseMids;
        var median = Median(inRange.Select(q => double.IsFinite(q.RmseVsMarkVolPoints) ? q.RmseVsMarkVolPoints : q.RmseVsMidVolPoints));
        if (double.IsNaN(median))
            reasons.Add("no slice has a finite fit RMSE, so the fit error cannot be checked.");
        else if (median > maxMedianRmseVolPoints)
            reasons.Add(FormattableString.Invariant(
                $"median in-range slice RMSE {median:G4} vol points (against {Describe(basis)}) exceeds the bound of {maxMedianRmseVolPoints:G4}."));

        return new SurfaceQualityVerdict(reasons.Count == 0, reasons.ToImmutable(), median, basis, maxMedianRmseVolPoints);
    }

    private static string Describe(SurfaceRmseBasis basis) => basis switch
    {
        SurfaceRmseBasis.VenueMarks => "venue marks",
        SurfaceRmseBasis.Mids => "market mids",
        _ => "venue marks, or mids in slices without marks",
    };

    private static double Median(IEnumerable<double> values)
    {
        var a = values.Where(double.IsFinite).Order().ToArray();
        if (a.Length == 0) return double.NaN;
        var mid = a.Length / 2;
        return a.Length % 2 == 1 ? a[mid] : 0.5 * (a[mid - 1] + a[mid]);
    }
}
