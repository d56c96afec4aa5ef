using System.Diagnostics.Metrics;

namespace Analytics.Data.Telemetry;

/// <summary>
/// The service's own instruments (meter <see cref="MeterName"/>), exported by the host's OpenTelemetry pipeline at
/// <c>GET /metrics</c>. Recorded where the work happens (the ingest path, the surface store, the job filter, the
/// endpoints), so every caller (HTTP, the import command, jobs) counts. Process-wide, as meters are.
/// </summary>
public static class AnalyticsMetrics
{
    /// <summary>The meter name the host subscribes to.</summary>
    public const string MeterName = "Analytics";

    private static readonly Meter Meter = new(MeterName, "1.0");

    /// <summary>Ingested rows by <c>kind</c> (trades, quotes, funding, prices) and <c>outcome</c> (inserted, duplicate).</summary>
    public static readonly Counter<long> RowsIngested = Meter.CreateCounter<long>("analytics.ingest.rows", "{row}", "Rows stored or recognised as duplicates by ingest.");

    /// <summary>Surfaces stored by <c>model</c> and <c>published</c>.</summary>
    public static readonly Counter<long> SurfacesFitted = Meter.CreateCounter<long>("analytics.surfaces.fitted", "{surface}", "Surfaces fitted and stored.");

    /// <summary>Risk runs by <c>kind</c> (var, stress) and <c>method</c>.</summary>
    public static readonly Counter<long> RiskRuns = Meter.CreateCounter<long>("analytics.risk.runs", "{run}", "VaR and stress computations.");

    /// <summary>
    /// Options valued by <c>engine</c> (API.md engine id) and <c>endpoint</c> (price, batch, chain, structure): one per option
    /// priced, so a batch of 100 counts 100, an option chain counts a call and a put per strike, a structure one per leg.
    /// </summary>
    public static readonly Counter<long> OptionsPriced = Meter.CreateCounter<long>("analytics.options.priced", "{option}", "Options priced, by engine.");

    /// <summary>Margin computations by <c>model</c> (a configured margin model id) and <c>endpoint</c> (margin, compare).</summary>
    public static readonly Counter<long> MarginRuns = Meter.CreateCounter<long>("analytics.margin.runs", "{run}", "Margin computations, by model.");

    /// <summary>Job runs by <c>job</c> and <c>outcome</c> (succeeded, failed).</summary>
    public static readonly Counter<long> JobRuns = Meter.CreateCounter<long>("analytics.jobs.runs", "{run}", "Background job executions.");

    /// <summary>Counts <paramref name="count"/> options priced by <paramref name="engineId"/> at <paramref name="endpoint"/>.</summary>
    public static void CountPriced(string engineId, string endpoint, long count = 1)
    {
        if (count > 0) OptionsPriced.Add(count, new("engine", engineId), new("endpoint", endpoint));
    }

    public static void CountIngest(string kind, long inserted, long duplicates)
    {
        if (inserted > 0) RowsIngested.Add(inserted, new("kind", kind), new("outcome", "inserted"));
        if (duplicates > 0) RowsIngested.Add(duplicates, new("kind", kind), new("outcome", "duplicate"));
    }
}
