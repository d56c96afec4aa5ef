using System.ComponentModel;

namespace Analytics.Api.Contracts.Reports;

/// <summary>One stored report in a listing.</summary>
public sealed record ReportSummaryResponse(
    [property: Description("Report id.")] long Id,
    [property: Description("The portfolio reported on.")] long PortfolioId,
    [property: Description("The portfolio version valued.")] int PortfolioVersion,
    [property: Description("The valuation instant, UTC.")] DateTimeOffset AsOf,
    [property: Description("When the report was written, UTC.")] DateTimeOffset CreatedAt,
    [property: Description("Code version that computed it.")] string CodeVersion,
    [property: Description("The printable page.")] string Html,
    [property: Description("The CSV tables.")] string Csv);
