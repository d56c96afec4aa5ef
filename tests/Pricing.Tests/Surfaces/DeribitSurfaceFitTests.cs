using System.Globalization;
using System.Text;
using Analytics.Pricing.Surfaces;
using Analytics.TestSupport;

namespace Analytics.Pricing.Tests.Surfaces;

/// <summary>
/// Raw SVI on real Deribit option boards (PROVENANCE.md §1, repo znmahbub/SVCJ-Deribit-Inverse-Options-Pricer, commit
/// 516b0cb): fitted to our own mid implied vols (bid/ask weights, r = 0, F = the venue's <c>underlying</c>, T Act/365F
/// from <c>timestamp</c>) and compared with Deribit's mark IV, which the fit never sees.
/// </summary>
public sealed class DeribitSurfaceFitTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> Snapshots() => new()
    {
        { "deribit_options_snapshot_20251230T173115Z.csv", "BTC" },
        { "deribit_options_snapshot_20251230T173115Z.csv", "ETH" },
        { "deribit_options_snapshot_20260105T153329Z.csv", "BTC" },
        { "deribit_options_snapshot_20260105T153329Z.csv", "ETH" },
    };

    [Theory]
    [MemberData(nameof(Snapshots))]
    public void Calibrate_DeribitSnapshot_MatchesVenueMarkVolsWithoutButterflyArbitrage(string file, string currency)
    {
        var path = Path.Combine(RepositoryPaths.RequireSharedDataDirectory(), "options", file);
        Requirement.Require(File.Exists(path), path, "see PROVENANCE.md §1");
        var (asOf, quotes) = DeribitSnapshotCsv.Read(path, currency);

        var result = VolatilitySurfaceCalibrator.Default.Calibrate(quotes, asOf);

        Assert.True(result.IsCalibrated, result.Reason);
        var surface = result.Surface!;
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"{currency} {file} ({quotes.Count} quotes, {result.Prepared.QuotesUsed} used, " +
            $"dropped: {string.Join(", ", surface.DroppedByReason.Select(d => $"{d.Key} {d.Value}"))}; total {surface.Elapsed.TotalMilliseconds:F2} ms)");
        table.AppendLine("| expiry | T (y) | forward | points | RMSE vs mid (vp) | RMSE vs Deribit mark (vp) | min g | repaired | a | b | ρ | m | σ |");
        table.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var s in surface.Slices)
        {
            var p = s.Parameters;
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.ExpiryUtc:yyyy-MM-dd} | {s.TenorYears:F4} | {s.Forward:F2} | {s.Points.Length} | {s.RmseVolPoints:F3} | {s.VenueRmseVolPoints:F3} | {s.Butterfly.MinimumG:G3} | {(s.ButterflyRepaired ? "yes" : "no")} | {p.A:G4} | {p.B:G4} | {p.Rho:F3} | {p.M:F4} | {p.Sigma:G4} |");
        }

        double medianVenue = Median(surface.Slices.Select(s => s.VenueRmseVolPoints));
        table.AppendLine(CultureInfo.InvariantCulture,
            $"median slice RMSE vs mid {surface.MedianRmseVolPoints:F3} vp, vs Deribit mark {medianVenue:F3} vp; calendar violations {surface.Arbitrage.Calendar.Length}");
        foreach (var c in surface.Arbitrage.Calendar)
        {
            table.AppendLine(c.ToString());
        }

        output.WriteLine(table.ToString());
        Assert.All(surface.Slices, s => Assert.True(s.Butterfly.IsArbitrageFree, $"{s.ExpiryUtc:yyyy-MM-dd}: {s.Butterfly.Reason}"));
        Assert.True(medianVenue <= 0.5, $"median slice RMSE against Deribit mark IV {medianVenue:F3} vol points > 0.5");
    }

    private static double Median(IEnumerable<double> values)
    {
        var a = values.Where(double.IsFinite).Order().ToArray();
        return a.Length % 2 == 1 ? a[a.Length / 2] : 0.5 * (a[a.Length / 2 - 1] + a[a.Length / 2]);
    }
}
