namespace Analytics.Data.Entities;

/// <summary>
/// One stored risk report (PRODUCT.md §3.6, API.md "Jobs and reports"), immutable once written: the report itself
/// (inputs, results, timings) is a JSON text column in Data's own shape (<c>Analytics.Data.Reports.RiskReport</c>); the
/// columns beside it are what listings select and order on. Written in one transaction with the VaR runs it stores, so a
/// run that fails or is killed leaves neither.
/// </summary>
public sealed class RiskReportEntity
{
    /// <summary>Report id (database generated).</summary>
    public long Id { get; set; }

    /// <summary>The stored portfolio reported on.</summary>
    public long PortfolioId { get; set; }

    /// <summary>The portfolio version valued.</summary>
    public int PortfolioVersion { get; set; }

    /// <summary>SHA-256 (lower-case hex) of the version's stored positions and collateral JSON.</summary>
    public required string PortfolioContentHash { get; set; }

    /// <summary>The valuation instant (UTC).</summary>
    public DateTime AsOfUtc { get; set; }

    /// <summary>When the report was written (UTC).</summary>
    public DateTime CreatedUtc { get; set; }

    /// <summary>The code version that computed it (the assembly's informational version).</summary>
    public required string CodeVersion { get; set; }

    /// <summary>
    /// The Monte Carlo run id when the report's Monte Carlo VaR was split into block jobs; unique, so the completion check
    /// of two blocks finishing at once writes the report once. Null otherwise.
    /// </summary>
    public string? SplitRunId { get; set; }

    /// <summary>
    /// The Hangfire background job that wrote it, when a job did; unique. Hangfire delivers at least once (a worker killed
    /// after the write but before the job's state was saved runs again elsewhere): the rerun finds its report and stops.
    /// </summary>
    public string? BackgroundJobId { get; set; }

    /// <summary>The report (<c>RiskReport</c>) as JSON.</summary>
    public required string ReportJson { get; set; }
}
