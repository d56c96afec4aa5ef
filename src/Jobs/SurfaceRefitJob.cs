using System.Text.Json;
using Analytics.Data;
using Hangfire;
using Analytics.Data.Market;
using Analytics.Pricing.Surfaces;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Jobs;

/// <summary>
/// <c>surface-refit</c> per underlying: when the underlying's newest indexed quote is later than the snapshot of its last
/// surface fitted to indexed quotes (or there is none), fits the newest snapshot as <c>POST /surfaces/fit</c> does without
/// posted quotes (<see cref="IndexedQuoteSnapshot"/>, the calibrator, the quality gate, <see cref="SurfaceStore"/>; published
/// when it passes the gate); otherwise records that it skipped. The outcome is the run's summary (JSON). A board from
/// which no surface can be fitted is recorded too, not retried.
/// </summary>
public sealed class SurfaceRefitJob(AnalyticsDbContext db, SurfaceStore store, TimeProvider time)
{
    /// <summary>The name used for this job in <c>Jobs:Recurring</c>.</summary>
    public const string Name = "surface-refit";

    /// <summary>
    /// Arguments: <c>underlying</c> (required, e.g. <c>ETH</c>), <c>model</c> (<c>svi</c> or <c>ssvi</c>, default
    /// <c>svi</c>), <c>publishMaxMedianRmseVolPoints</c> (the quality gate, default 0.5 vol points as <c>Surfaces</c>'s default).
    /// </summary>
    public static JobKind Kind { get; } = new(Name, typeof(SurfaceRefitJob), args =>
    {
        var underlying = args.Underlying();
        var model = MarginMonitorJob.SurfaceModelArgument(args, "model");
        var gate = args.Number("publishMaxMedianRmseVolPoints", SurfaceQualityGate.DefaultMaxMedianRmseVolPoints, 0, 100);
        return (manager, id, cron, options) => manager.AddOrUpdate<SurfaceRefitJob>(id,
            job => job.RunAsync(underlying, model, gate, CancellationToken.None), cron, options);
    });

    /// <summary>One run; returns what it did (JSON): <c>fitted</c> with the surface id, or <c>skipped</c> with why.</summary>
    public async Task<string> RunAsync(string underlying, string model, double publishMaxMedianRmseVolPoints, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var newest = await IndexedQuoteSnapshot.NewestAtOrBeforeAsync(db, underlying, now, cancellationToken);
        if (newest is not { } snapshotAt)
            return Summary(new { underlying, outcome = "skipped", reason = $"no quote of {underlying} is indexed at or before {now:O}" });

        var last = await db.VolatilitySurfaces.AsNoTracking()
            .Where(s => s.Underlying == underlying && s.InputSource == SurfaceInputs.IndexSource)
            .OrderByDescending(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        var lastSnapshot = last is null ? null : SurfaceStore.SnapshotOf(last).SnapshotAt;
        if (lastSnapshot is { } previous && previous >= snapshotAt)
            return Summary(new { underlying, outcome = "skipped", reason = "no quotes since the last surface's snapshot", lastSurfaceId = last!.Id, snapshotAt = previous });

        var board = await IndexedQuoteSnapshot.LoadAsync(db, underlying, snapshotAt, cancellationToken);
        var calibrator = new VolatilitySurfaceCalibrator(new SurfaceCalibrationOptions(MarginMonitorJob.SurfaceModelOf(model)));
        var result = calibrator.Calibrate(board.Quotes, board.SnapshotAt);
        if (result.Surface is not { } surface)
            return Summary(new { underlying, outcome = "not-fitted", reason = result.Reason, snapshotAt, quotesIn = result.Prepared.QuotesIn });

        var gate = SurfaceQualityGate.Evaluate(surface, publishMaxMedianRmseVolPoints);
        var stored = await store.StoreAsync(db, underlying, surface, SurfaceInputs.Indexed(board, now), board.IdLookup(), now, cancellationToken,
            gate, published: gate.Passed);
        return Summary(new { underlying, outcome = "fitted", surfaceId = stored.Id, snapshotAt, previousSnapshotAt = lastSnapshot, quotes = board.Quotes.Count, published = gate.Passed });
    }

    private static string Summary(object value) => JsonSerializer.Serialize(value, MarginMonitorJob.SummaryJson);
}
