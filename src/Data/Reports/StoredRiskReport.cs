namespace Analytics.Data.Reports;

/// <summary>A report as stored and read back (<see cref="RiskReportStore"/>).</summary>
/// <param name="Id">Report id.</param>
/// <param name="CreatedUtc">When it was written.</param>
/// <param name="SplitRunId">The split Monte Carlo run it combined, or null.</param>
/// <param name="Report">The report.</param>
public sealed record StoredRiskReport(long Id, DateTimeOffset CreatedUtc, string? SplitRunId, RiskReport Report);

/// <summary>A listing row: the report's id and what it is of, without its body.</summary>
/// <param name="Id">Report id.</param>
/// <param name="PortfolioId">Portfolio.</param>
/// <param name="PortfolioVersion">Version valued.</param>
/// <param name="AsOfUtc">Valuation instant.</param>
/// <param name="CreatedUtc">When it was written.</param>
/// <param name="CodeVersion">Code version.</param>
public sealed record RiskReportSummary(long Id, long PortfolioId, int PortfolioVersion, DateTimeOffset AsOfUtc, DateTimeOffset CreatedUtc, string CodeVersion);
