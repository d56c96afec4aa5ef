namespace Analytics.Data.Market.Stored;

/// <summary>The stored calendar check of a surface: its log-moneyness grid and the violations found on it.</summary>
internal sealed record CalendarDiagnosisRecord(double GridFrom, double GridTo, IReadOnlyList<CalendarViolationRecord> Violations);
