using Analytics.Pricing.Surfaces;
using Analytics.TestSupport;

namespace Analytics.Pricing.Tests.Surfaces;

/// <summary>
/// The five Deribit board/coin pairs of <c>../shared/data/options</c> (PROVENANCE.md §1): the 2025-12-30 and 2026-01-05
/// snapshots (BTC and ETH, repo znmahbub/SVCJ-Deribit-Inverse-Options-Pricer, commit 516b0cb) and the 2020-05-14 BTC ticker
/// board (repo schepal/deribit_data_collector, commit b221f2c). The surface defaults were tuned on the 2025-12-30 board only
/// (both coins); 2026-01-05 and 2020-05-14 are held out.
/// </summary>
internal static class DeribitBoards
{
    public const string Ticker2020 = "deribit_btc_options_20200514.csv";

    public static TheoryData<string, string> All() => new()
    {
        { "deribit_options_snapshot_20251230T173115Z.csv", "BTC" },
        { "deribit_options_snapshot_20251230T173115Z.csv", "ETH" },
        { "deribit_options_snapshot_20260105T153329Z.csv", "BTC" },
        { "deribit_options_snapshot_20260105T153329Z.csv", "ETH" },
        { Ticker2020, "BTC" },
    };

    /// <summary>Reads a board (failing in CI, skipping elsewhere when the shared data is absent).</summary>
    public static (DateTimeOffset AsOfUtc, List<SurfaceQuote> Quotes) Load(string file, string currency)
    {
        var path = Path.Combine(RepositoryPaths.RequireSharedDataDirectory(), "options", file);
        Requirement.Require(File.Exists(path), path, "see PROVENANCE.md §1");
        return file == Ticker2020 ? DeribitTickerCsv.Read(path) : DeribitSnapshotCsv.Read(path, currency);
    }
}
