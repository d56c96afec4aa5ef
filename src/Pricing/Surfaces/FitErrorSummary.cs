namespace Analytics.Pricing.Surfaces;

/// <summary>
/// Fit errors of a set of points in vol points (1 vol point = 0.01 of annualised vol): root mean square and largest absolute
/// difference of the model vol from the venue's mark vol (over the points that carry one) and from the mid vol (over the
/// two-sided points). NaN where no point qualifies.
/// </summary>
/// <param name="Points">Points in the set.</param>
/// <param name="PointsWithMark">Points that carry a venue mark vol.</param>
/// <param name="RmseVsMarkVolPoints">√(mean of (100·(σ_model − σ_mark))²) over <paramref name="PointsWithMark"/>.</param>
/// <param name="MaxErrorVsMarkVolPoints">max |100·(σ_model − σ_mark)| over <paramref name="PointsWithMark"/>.</param>
/// <param name="PointsWithMid">Two-sided points (a mid vol exists).</param>
/// <param name="RmseVsMidVolPoints">√(mean of (100·(σ_model − σ_mid))²) over <paramref name="PointsWithMid"/>.</param>
/// <param name="MaxErrorVsMidVolPoints">max |100·(σ_model − σ_mid)| over <paramref name="PointsWithMid"/>.</param>
public readonly record struct FitErrorSummary(
    int Points,
    int PointsWithMark,
    double RmseVsMarkVolPoints,
    double MaxErrorVsMarkVolPoints,
    int PointsWithMid,
    double RmseVsMidVolPoints,
    double MaxErrorVsMidVolPoints)
{
    /// <summary>The summary of no points: counts 0, every error NaN.</summary>
    public static FitErrorSummary Empty { get; } = new(0, 0, double.NaN, double.NaN, 0, double.NaN, double.NaN);

    /// <summary>Summarises the errors of <paramref name="points"/>.</summary>
    /// <param name="points">Fitted points.</param>
    /// <returns>The summary.</returns>
    public static FitErrorSummary Of(IEnumerable<SurfacePointFit> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        int count = 0, marks = 0, mids = 0;
        double markSquares = 0.0, markMax = 0.0, midSquares = 0.0, midMax = 0.0;
        foreach (var p in points)
        {
            count++;
            double mark = p.VenueDifferenceVolPoints;
            if (double.IsFinite(mark))
            {
                marks++;
                markSquares += mark * mark;
                markMax = Math.Max(markMax, Math.Abs(mark));
            }

            if (p.IsTwoSided)
            {
                double mid = p.ErrorVolPoints;
                mids++;
                midSquares += mid * mid;
                midMax = Math.Max(midMax, Math.Abs(mid));
            }
        }

        return new FitErrorSummary(count,
            marks, marks == 0 ? double.NaN : Math.Sqrt(markSquares / marks), marks == 0 ? double.NaN : markMax,
            mids, mids == 0 ? double.NaN : Math.Sqrt(midSquares / mids), mids == 0 ? double.NaN : midMax);
    }

    /// <summary>
    /// Summary across slices: point counts summed, RMSEs the median of the slices' RMSEs (slices without a value left out),
    /// maxima the largest of the slices' maxima.
    /// </summary>
    /// <param name="slices">Per-slice summaries.</param>
    /// <returns>The surface summary; NaN where no slice has a value.</returns>
    public static FitErrorSummary AcrossSlices(IReadOnlyList<FitErrorSummary> slices)
    {
        ArgumentNullException.ThrowIfNull(slices);
        return new FitErrorSummary(slices.Sum(s => s.Points),
            slices.Sum(s => s.PointsWithMark), Median(slices.Select(s => s.RmseVsMarkVolPoints)), Max(slices.Select(s => s.MaxErrorVsMarkVolPoints)),
            slices.Sum(s => s.PointsWithMid), Median(slices.Select(s => s.RmseVsMidVolPoints)), Max(slices.Select(s => s.MaxErrorVsMidVolPoints)));
    }

    private static double Median(IEnumerable<double> values)
    {
        var a = values.Where(double.IsFinite).ToArray();
        return a.Length == 0 ? double.NaN : PutCallParityForward.Median(a);
    }

    private static double Max(IEnumerable<double> values)
    {
        var a = values.Where(double.IsFinite).ToArray();
        return a.Length == 0 ? double.NaN : a.Max();
    }
}
