using System.Globalization;
using Analytics.Api.Errors;
using Analytics.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Endpoints.Surfaces;

/// <summary>
/// Chooses the indexed quote board a fit without posted quotes uses: the newest snapshot at or before the request's
/// as-of, when it is at most <c>Surfaces:MaxSnapshotAge</c> old; otherwise a 422 that names the nearest snapshots
/// before and after the as-of (and the age of the one before).
/// </summary>
internal static class SnapshotSelection
{
    public static async Task<(IndexedQuoteSnapshot? Board, ProblemHttpResult? Problem)> SelectAsync(
        AnalyticsDbContext db, string underlying, DateTimeOffset asOf, TimeSpan maxAge, CancellationToken cancellationToken)
    {
        var before = await IndexedQuoteSnapshot.NewestAtOrBeforeAsync(db, underlying, asOf, cancellationToken);
        if (before is { } at && asOf - at <= maxAge)
            return (await IndexedQuoteSnapshot.LoadAsync(db, underlying, at, cancellationToken), null);

        var after = await IndexedQuoteSnapshot.OldestAfterAsync(db, underlying, asOf, cancellationToken);
        var next = after is { } a ? $"the nearest snapshot after it is at {Text(a)}" : "there is none after it";
        var ageSeconds = before is { } b ? (asOf - b).TotalSeconds : (double?)null;
        var detail = before is { } old
            ? $"The newest indexed quote snapshot of {underlying} at or before {Text(asOf)} is at {Text(old)}, {ageSeconds!.Value.ToString("F3", CultureInfo.InvariantCulture)} s " +
              $"old, older than Surfaces:MaxSnapshotAge ({maxAge:c}); {next}. Choose `asOf` within {maxAge:c} after a snapshot, or post quotes in `quotes`."
            : $"No quote of {underlying} is indexed at or before {Text(asOf)}; {next}. Choose a later `asOf`, ingest quotes " +
              "(POST /api/v1/quotes) or post them in `quotes`.";
        var title = before is null ? "No indexed quotes" : "The indexed quote snapshot is too old";
        return (null, Problems.ForField(422, title, detail, "asOf",
            ("snapshotBefore", before), ("snapshotBeforeAgeSeconds", ageSeconds), ("snapshotAfter", after),
            ("maxSnapshotAgeSeconds", maxAge.TotalSeconds)));
    }

    private static string Text(DateTimeOffset instant) => instant.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
