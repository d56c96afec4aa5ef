namespace Analytics.Pricing.Surfaces;

/// <summary>
/// Fit quality of a slice or a surface (issue 13 item 5), with the points inside the quoted range (between the smallest and
/// largest log-moneyness of a slice's two-sided quotes) apart from the wing points outside it, which only the venue's marks
/// pin down. For a surface, the RMSEs are medians over slices and the maxima the largest over slices
/// (<see cref="FitErrorSummary.AcrossSlices"/>).
/// </summary>
/// <param name="InRange">Errors at points inside the quoted range.</param>
/// <param name="Wings">Errors at wing points.</param>
public sealed record FitQuality(FitErrorSummary InRange, FitErrorSummary Wings)
{
    /// <summary>The quality of one slice's points.</summary>
    /// <param name="points">The slice's fitted points.</param>
    /// <returns>The quality.</returns>
    public static FitQuality Of(IReadOnlyCollection<SurfacePointFit> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        return new FitQuality(FitErrorSummary.Of(points.Where(p => p.InQuotedRange)), FitErrorSummary.Of(points.Where(p => !p.InQuotedRange)));
    }

    /// <summary>The quality of a surface from its slices' qualities (medians of RMSEs, maxima of maxima).</summary>
    /// <param name="slices">Per-slice qualities.</param>
    /// <returns>The surface quality.</returns>
    public static FitQuality AcrossSlices(IReadOnlyCollection<FitQuality> slices)
    {
        ArgumentNullException.ThrowIfNull(slices);
        return new FitQuality(FitErrorSummary.AcrossSlices([.. slices.Select(s => s.InRange)]),
            FitErrorSummary.AcrossSlices([.. slices.Select(s => s.Wings)]));
    }
}
