using MathNet.Numerics.Statistics;

namespace Analytics.Api.Rendering;

/// <summary>Equal-width bins of a P&amp;L sample: the response's <c>pnlHistogram</c> and the picture's bars.</summary>
internal static class VarHistogram
{
    /// <summary>
    /// <paramref name="bins"/> equal-width bins from the smallest to the largest value (MathNet's <see cref="Histogram"/>:
    /// each bin holds (from, to], the first also its lower end); one bin when every value is the same.
    /// </summary>
    public static IReadOnlyList<(double From, double To, int Count)> Bins(IReadOnlyList<double> values, int bins)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) return [];
        double lo = values.Min(), hi = values.Max();
        if (hi <= lo) return [(lo, hi, values.Count)];
        var histogram = new Histogram(values, bins);
        // MathNet opens the first bucket an ulp below the minimum so that the minimum is inside it: shown from the minimum.
        return [.. Enumerable.Range(0, histogram.BucketCount)
            .Select(i => (i == 0 ? lo : histogram[i].LowerBound, histogram[i].UpperBound, (int)histogram[i].Count))];
    }
}
