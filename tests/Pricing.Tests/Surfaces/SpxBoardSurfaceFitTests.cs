using System.Globalization;
using System.Text;
using Analytics.Pricing.Surfaces;

namespace Analytics.Pricing.Tests.Surfaces;

/// <summary>
/// A board from another venue and asset class, never used to tune the surfaces: the SPXW (S&amp;P 500 index, PM-settled)
/// chain after the close of 2026-01-30 (<see cref="YahooOptionChainCsv"/>; PROVENANCE.md §1). Premiums in USD and
/// discounted, no venue forward, 38 expiries from 3 days to 11 months, up to 770 quotes a slice and equity skew: each
/// slice's forward and discount factor come from put-call parity alone.
/// </summary>
public sealed class SpxBoardSurfaceFitTests(ITestOutputHelper output)
{
    [Fact]
    public void Prepare_SpxwBoard_ParityForwardAndRateMatchPublishedLevels()
    {
        var prepared = SurfaceQuotePreparer.Prepare(YahooOptionChainCsv.ReadSpxw(), YahooOptionChainCsv.SpxAsOfUtc);

        Assert.All(prepared.Smiles, s => Assert.Equal(ForwardSource.PutCallParity, s.ForwardSource));
        // The source repository's own result: F ≈ 6,940.52 for the 2026-02-06 expiry (PROVENANCE.md §1, caveat).
        var february6 = prepared.Smiles.Single(s => s.ExpiryUtc.UtcDateTime.Date == new DateTime(2026, 2, 6));
        Assert.Equal(6940.52, february6.Forward, 1.0);
        // The discount factor comes from the same regression. Its rate must be a USD rate of the day: the FOMC set the
        // federal funds target range to 3.50–3.75 % on 2025-12-10 (FOMC statement of that day), and an index option box
        // rate runs a few tenths above it. Before discounting came from parity it was DF = 1, a rate of 0.
        foreach (var smile in prepared.Smiles.Where(s => s.TenorYears >= 0.25))
        {
            double rate = -Math.Log(smile.DiscountFactor) / smile.TenorYears;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{smile.ExpiryUtc:yyyy-MM-dd} T={smile.TenorYears:F4} F={smile.Forward:F2} DF={smile.DiscountFactor:F5} r={100 * rate:F2} %"));
            Assert.InRange(rate, 0.030, 0.050);
        }
    }

    [Theory]
    [InlineData(SurfaceModel.Svi)]
    [InlineData(SurfaceModel.Essvi)]
    public void Calibrate_SpxwBoard_FitsEverySliceNearTheMids(SurfaceModel model)
    {
        var quotes = YahooOptionChainCsv.ReadSpxw();

        var result = new VolatilitySurfaceCalibrator(new SurfaceCalibrationOptions(Model: model))
            .Calibrate(quotes, YahooOptionChainCsv.SpxAsOfUtc, TestContext.Current.CancellationToken);

        Assert.True(result.IsCalibrated, result.Reason);
        var surface = result.Surface!;
        output.WriteLine(Table(surface, quotes.Count, result.Prepared));
        Assert.Equal(result.Prepared.Smiles.Length, surface.Slices.Length);
        // Held to what they meet when this test was written (median in-range RMSE against the mids 0.68 vol points for raw
        // SVI, 1.89 for eSSVI), so that a regression shows; no default was tuned on this board.
        double bound = model == SurfaceModel.Svi ? 0.75 : 2.0;
        Assert.True(surface.Quality.InRange.RmseVsMidVolPoints <= bound,
            $"median in-range slice RMSE against the mids {surface.Quality.InRange.RmseVsMidVolPoints:F3} vol points > {bound}");
        // No slice collapses: at the quote nearest the money the fit is within 1.5 vol points of the market's mid.
        Assert.All(surface.Slices, s =>
        {
            var atm = s.Points.Where(p => p.IsTwoSided).MinBy(p => Math.Abs(p.LogMoneyness));
            Assert.True(Math.Abs(atm.ModelVol - atm.MidVol) <= 0.015, $"{s.ExpiryUtc:yyyy-MM-dd}: fit {atm.ModelVol:P2} against mid {atm.MidVol:P2} at K = {atm.Strike}");
        });
        if (model == SurfaceModel.Essvi)
        {
            Assert.True(surface.Arbitrage.IsArbitrageFree, "eSSVI is arbitrage-free by construction");
        }
    }

    private static string Table(VolatilitySurface surface, int quotes, PreparedQuotes prepared)
    {
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"{surface.Model}: {quotes} quotes, {prepared.QuotesUsed} used, dropped " +
            $"{string.Join(", ", surface.DroppedByReason.Select(d => $"{d.Key} {d.Value}"))}; {surface.Elapsed.TotalMilliseconds:F0} ms");
        table.AppendLine("| expiry | T (y) | points | RMSE vs mid | max | ATM vol | failing |");
        table.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var s in surface.Slices)
        {
            var q = s.Quality.InRange;
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.ExpiryUtc:yyyy-MM-dd} | {s.TenorYears:F4} | {q.Points} | {q.RmseVsMidVolPoints:F3} | {q.MaxErrorVsMidVolPoints:F2} | {100 * s.LognormalVol(0.0):F2} | {s.IsFailing} |");
        }

        table.AppendLine(CultureInfo.InvariantCulture,
            $"median RMSE vs mid {surface.Quality.InRange.RmseVsMidVolPoints:F3}; calendar violations {surface.Arbitrage.Calendar.Length}; failing slices {surface.Slices.Count(s => s.IsFailing)}");
        return table.ToString();
    }
}
