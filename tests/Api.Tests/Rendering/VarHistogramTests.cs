using Analytics.Api.Rendering;

namespace Analytics.Api.Tests.Rendering;

/// <summary>The P&amp;L histogram of a VaR run: equal-width bins from the minimum to the maximum, every value counted once.</summary>
public sealed class VarHistogramTests
{
    [Fact]
    public void KnownSample_BinsAsCountedByHand()
    {
        // 0 … 10 in five bins of width 2: (0, 2] also holds 0, so 0, 1, 2 | 3, 4 | 5, 6 | 7, 8 | 9, 10.
        double[] values = [.. Enumerable.Range(0, 11).Select(i => (double)i)];
        var bins = VarHistogram.Bins(values, 5);
        Assert.Equal([3, 2, 2, 2, 2], bins.Select(b => b.Count));
        Assert.Equal(0.0, bins[0].From);
        Assert.Equal(10.0, bins[^1].To, 12);
        foreach (var (left, right) in bins.Zip(bins.Skip(1))) Assert.Equal(left.To, right.From);
        Assert.All(bins, b => Assert.Equal(2.0, b.To - b.From, 12));
    }

    [Fact]
    public void ManyValues_AreEachCountedOnce_InsideTheirBin()
    {
        var random = new Random(11);
        double[] values = [.. Enumerable.Range(0, 20_000).Select(_ => (random.NextDouble() - 0.7) * 1e6)];
        var bins = VarHistogram.Bins(values, 40);
        Assert.Equal(40, bins.Count);
        Assert.Equal(values.Length, bins.Sum(b => b.Count));
        Assert.Equal(values.Min(), bins[0].From);
        Assert.Equal(values.Max(), bins[^1].To, 1e-6);
        // Recount by the stated rule ((from, to], the first bin closed): the same counts.
        var recount = bins.Select((b, i) => values.Count(v => (v > b.From || (i == 0 && v == b.From)) && v <= b.To)).ToArray();
        Assert.Equal(bins.Select(b => b.Count), recount);
    }

    [Fact]
    public void DegenerateSamples_GiveNoBinOrOne()
    {
        Assert.Empty(VarHistogram.Bins([], 40));
        Assert.Equal([(-5.0, -5.0, 3)], VarHistogram.Bins([-5.0, -5.0, -5.0], 40));
    }
}
