using System.Runtime.CompilerServices;
using Analytics.Api.Tests.Infrastructure;
using Analytics.TestSupport;

namespace Analytics.Api.Tests.Endpoints.Surfaces;

/// <summary>
/// The two recent Deribit boards of ../shared/data/options, ingested once per started service as indexed quotes. Their
/// instants are the instants each board is complete: the files' <c>timestamp</c> column (one per file, the collection
/// run's start) plus the 10-minute collection bound (issue 15, <c>DeribitSnapshotQuoteMapper.CollectionBound</c>).
/// </summary>
internal static class SurfaceSnapshotBoards
{
    public static readonly DateTimeOffset OlderRunStart = new DateTimeOffset(2025, 12, 30, 17, 31, 15, TimeSpan.Zero).AddTicks(9_441_810);
    public static readonly DateTimeOffset NewerRunStart = new DateTimeOffset(2026, 1, 5, 15, 33, 29, TimeSpan.Zero).AddTicks(7_483_870);
    public static readonly DateTimeOffset Older = OlderRunStart.AddMinutes(10);
    public static readonly DateTimeOffset Newer = NewerRunStart.AddMinutes(10);

    private static readonly ConditionalWeakTable<ApiFixture, Task> Loaded = [];

    /// <summary>Ingests both boards into <paramref name="api"/> unless that service already has them.</summary>
    public static Task EnsureLoadedAsync(ApiFixture api)
    {
        lock (Loaded)
            return Loaded.GetValue(api, LoadAsync);
    }

    private static async Task LoadAsync(ApiFixture api)
    {
        foreach (var file in new[] { "deribit_options_snapshot_20251230T173115Z.csv", "deribit_options_snapshot_20260105T153329Z.csv" })
        {
            var path = Path.Combine(RepositoryPaths.RequireSharedDataDirectory(), "options", file);
            Requirement.Require(File.Exists(path), path, "see PROVENANCE.md §1");
            using var content = new StringContent(await File.ReadAllTextAsync(path), System.Text.Encoding.UTF8, "text/csv");
            var ingest = await api.Client(TestKeys.Writer).PostAsync("/api/v1/quotes?format=deribit-snapshot&venue=deribit", content);
            Assert.True(ingest.IsSuccessStatusCode, await ingest.Content.ReadAsStringAsync());
        }
    }
}
