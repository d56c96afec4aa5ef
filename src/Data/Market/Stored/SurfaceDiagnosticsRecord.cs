namespace Analytics.Data.Market.Stored;

/// <summary>
/// <c>volatility_surfaces.DiagnosticsJson</c>: the surface-wide diagnostics (the per-slice butterfly diagnoses live with
/// their slices) and the SSVI parameters of an SSVI fit.
/// </summary>
internal sealed record SurfaceDiagnosticsRecord(CalendarDiagnosisRecord Calendar, SsviParametersRecord? Ssvi);
