using System.Globalization;
using Analytics.Pricing.Risk.Stress;
using Analytics.TestSupport;

namespace Analytics.Pricing.Tests.Risk;

/// <summary>
/// The named stress scenarios' reference spot moves are the Binance daily closes of the shared price files
/// (PROVENANCE.md §3) over each window, and their windows are the episodes API.md names.
/// </summary>
public sealed class HistoricalStressScenariosTests
{
    private static Dictionary<DateOnly, double> Closes(string file)
    {
        var path = Path.Combine(RepositoryPaths.RequireSharedDataDirectory(), "prices", file);
        Requirement.Require(File.Exists(path), path, "see PROVENANCE.md §3");
        return File.ReadLines(path).Skip(1).Select(l => l.Split(','))
            .ToDictionary(c => DateOnly.ParseExact(c[1][..10], "yyyy-MM-dd", CultureInfo.InvariantCulture), c => double.Parse(c[6], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ReferenceMoves_AreTheSharedBinanceClosesOverEachWindow()
    {
        var btc = Closes("Binance_BTCUSDT_d.csv");
        var eth = Closes("Binance_ETHUSDT_d.csv");

        Assert.Equal(["covid-2020-03-12", "ftx-2022-11", "luna-2022-05", "yen-carry-2024-08-05"], HistoricalStressScenarios.All.Keys);
        foreach (var s in HistoricalStressScenarios.All.Values)
        {
            Assert.Equal(btc[s.ToClose] / btc[s.FromClose] - 1, s.ReferenceSpotMoves["BTC"], 1e-12);
            Assert.Equal(eth[s.ToClose] / eth[s.FromClose] - 1, s.ReferenceSpotMoves["ETH"], 1e-12);
            Assert.True(s.ReferenceSpotMoves.Values.All(m => m < 0), s.Name);
            Assert.True(s.DefaultVolShift > 0, s.Name);
        }

        // PROVENANCE.md §3's stress-day table: BTC closed at 4,800.00 on 2020-03-12 and 15,923 on 2022-11-09.
        Assert.Equal(4800.00, btc[HistoricalStressScenarios.All["covid-2020-03-12"].ToClose], 1e-9);
        Assert.Equal(15_923, btc[HistoricalStressScenarios.All["ftx-2022-11"].ToClose], 0.5);
    }
}
