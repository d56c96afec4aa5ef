using System.Globalization;
using System.Text;
using Analytics.Data.Reports;
using CsvHelper;

namespace Analytics.Api.Endpoints.Reports;

/// <summary>A stored report as CSV tables, one per section (<see cref="ReportEndpoints.CsvLayout"/>), written with CsvHelper.</summary>
internal static class ReportCsv
{
    public static byte[] Write(StoredRiskReport stored)
    {
        var report = stored.Report;
        var inputs = report.Inputs;
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, CsvWriterOptions.Default with { ValidateFieldCount = false }, leaveOpen: true))
        {
            Table(csv, "summary", ["field", "value"],
            [
                ["reportId", N(stored.Id)], ["portfolioId", N(inputs.PortfolioId)], ["portfolioVersion", N(inputs.PortfolioVersion)],
                ["portfolioName", Text(inputs.PortfolioName)], ["portfolioContentSha256", inputs.PortfolioContentHash], ["asOf", T(inputs.AsOfUtc)],
                ["createdAt", T(stored.CreatedUtc)], ["codeVersion", inputs.CodeVersion], ["surfaceModel", inputs.SurfaceModel],
                ["methods", string.Join(" ", inputs.Parameters.Methods)], ["confidence", N(inputs.Parameters.Confidence)],
                ["horizonDays", N(inputs.Parameters.HorizonDays)], ["lookbackDays", N(inputs.Parameters.LookbackDays)], ["paths", N(inputs.Parameters.Paths)],
                ["seed", N(inputs.Parameters.Seed)], ["monteCarloBlocks", N(inputs.Parameters.MonteCarloBlocks)], ["backtestDays", N(inputs.Parameters.BacktestDays)],
                ["splitRunId", stored.SplitRunId ?? ""], ["varRunId", report.VarRunId ?? ""],
            ]);
            Table(csv, "inputs", ["underlying", "priceUsd", "observedAt", "priceSource", "surfaceId", "surfaceAsOf", "historySource", "costOfCarry", "rate"],
                inputs.Prices.Select(p =>
                {
                    var s = inputs.Surfaces.GetValueOrDefault(p.Key);
                    var c = inputs.Carry.GetValueOrDefault(p.Key);
                    return new[] { p.Key, N(p.Value.PriceUsd), T(p.Value.ObservedAtUtc), p.Value.Source, s is null ? "" : N(s.Id), s is null ? "" : T(s.AsOfUtc),
                        inputs.HistorySources.GetValueOrDefault(p.Key) ?? "", c is null ? "" : N(c.CostOfCarry), c is null ? "" : N(c.Rate) };
                }));
            Table(csv, "var", ["method", "valueAtRiskUsd", "expectedShortfallUsd", "varStandardErrorUsd", "esStandardErrorUsd", "scenarios", "note"],
                report.Var.Select(v => new[] { v.Method, N(v.ValueAtRisk), N(v.ExpectedShortfall), N(v.VarStandardError), N(v.ShortfallStandardError),
                    N(v.ProfitAndLoss.IsDefault ? 0 : v.ProfitAndLoss.Length), v.Note }));
            Table(csv, "stress", ["scenario", "lossUsd", "underlying", "spotMove", "volShift"],
                report.Stress.SelectMany(s => s.SpotMoves.Select(m => new[] { s.Scenario, N(s.LossUsd), m.Key, N(m.Value), N(s.VolShifts.GetValueOrDefault(m.Key)) })));
            Table(csv, "margin", ["model", "venue", "kind", "chain", "initialMarginUsd", "maintenanceMarginUsd", "addOnUsd", "equityUsd", "utilisation", "unsupported"],
                report.Margin.Select(m => new[] { m.Model, m.Venue, m.Kind, m.Chain, N(m.InitialMarginUsd), N(m.MaintenanceMarginUsd), N(m.AddOnUsd), N(m.EquityUsd),
                    N(m.Utilisation), m.Unsupported ?? "" }));
            Table(csv, "liquidation", ["model", "chain", "underlying", "downPriceUsd", "upPriceUsd", "liquidatableNow"],
                report.Margin.SelectMany(m => m.Liquidation.Select(l => new[] { m.Model, m.Chain, l.Key, N(l.Value.DownPriceUsd), N(l.Value.UpPriceUsd),
                    l.Value.LiquidatableNow ? "true" : "false" })));
            Table(csv, "grid", ["underlying", "spotMove", "volShift", "pnlUsd"],
                report.Grid.SelectMany(g => g.SpotMoves.SelectMany((m, i) => g.VolShifts.Select((v, j) => new[] { g.Underlying, N(m), N(v), N(g.ProfitAndLossUsd[i][j]) }))));
            Table(csv, "backtest", ["day", "varRunId", "valueAtRiskUsd", "pnlUsd", "exception"],
                report.Backtest?.Days.Select(d => new[] { d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.RunId, N(d.ValueAtRisk), N(d.ProfitAndLoss),
                    d.Exception ? "true" : "false" }) ?? []);
            Table(csv, "alerts", ["raisedAt", "level", "model", "chain", "portfolioVersion", "utilisation", "threshold", "equityUsd", "maintenanceMarginUsd"],
                report.Alerts.Select(a => new[] { a.RaisedAtUtc.ToString("O", CultureInfo.InvariantCulture), a.Level, a.Model, a.Chain, N(a.PortfolioVersion),
                    N(a.Utilisation), N(a.Threshold), N(a.EquityUsd), N(a.MaintenanceMarginUsd) }));
            Table(csv, "notes", ["note"], report.Notes.Select(n => new[] { n }));
            Table(csv, "timings", ["section", "milliseconds"], report.Timings.Select(t => new[] { t.Key, N(t.Value) }));
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void Table(CsvWriter csv, string section, string[] header, IEnumerable<string[]> rows)
    {
        csv.WriteField($"[{section}]");
        csv.EndRecord();
        foreach (var h in header) csv.WriteField(h);
        csv.EndRecord();
        foreach (var row in rows)
        {
            foreach (var field in row) csv.WriteField(field);
            csv.EndRecord();
        }
    }

    /// <summary>User text that a spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV injection).</summary>
    private static string Text(string text) => text.Length > 0 && "=+-@\t\r".Contains(text[0]) ? "'" + text : text;

    private static string N(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string T(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture);
}
