namespace Analytics.Api.Rendering;

/// <summary>Equal-width bins of a P&amp;L sample: the response's <c>pnlHistogram</c> and the picture's bars.</summary>
internal static class VarHistogram
{
    public static IReadOnlyList<(double From, double To, int Count)> Bins(IReadOnlyList<double> values, int bins)
    {
        if (values.Count == 0) return [];
        double lo = values.Min(), hi = values.Max();
        if (hi <= lo) return [(lo, hi, values.Count)];
        double width = (hi - lo) / bins;
        var counts = new int[bins];
        foreach (double v in values) counts[Math.Min(bins - 1, (int)((v - lo) / width))]++;
        return [.. Enumerable.Range(0, bins).Select(i => (lo + i * width, i == bins - 1 ? hi : lo + (i + 1) * width, counts[i]))];
    }
}
