using System.ComponentModel;

namespace Analytics.Api.Contracts.Reports;

/// <summary>A page of stored reports, newest first.</summary>
public sealed record ReportPageResponse(
    [property: Description("Reports, newest as-of first (then greatest id).")] IReadOnlyList<ReportSummaryResponse> Items,
    [property: Description("Cursor of the next page; null on the last.")] string? NextCursor);
