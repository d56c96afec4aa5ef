namespace Analytics.Data.Reports;

/// <summary>A report cannot be computed from what is stored (no such portfolio or version, or no market data at all).</summary>
public sealed class ReportInputException(string message) : Exception(message);
