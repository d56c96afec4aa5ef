using System.Globalization;
using System.Text;
using Analytics.Data.Reports;

namespace Analytics.Api.Rendering;

/// <summary>
/// The printable committee page of a stored report (<c>GET /api/v1/reports/{id}.html</c>): summary table, VaR history
/// against realised P&amp;L, the P&amp;L histogram with VaR and ES (<see cref="VarHistogramChart"/>), the margin scenario
/// grid as a heat map, margin per venue model and chain, stress losses, liquidation prices, alerts, notes and inputs.
/// Self-contained: inline SVG and CSS only (no script, font or network), A4 print rules; served with
/// <see cref="ContentSecurityPolicy"/>.
/// </summary>
internal static class ReportPage
{
    /// <summary>Nothing loads but the page itself: no script at all, inline styles only, images only as data URIs.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private const string Css = """
        @page { size: A4; margin: 14mm 12mm; }
        * { box-sizing: border-box; }
        body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; color: #111; margin: 0 auto; max-width: 190mm; padding: 8mm 0; }
        h1 { font-size: 17pt; margin: 0 0 2mm; }
        h2 { font-size: 12.5pt; margin: 7mm 0 2mm; border-bottom: 1px solid #999; padding-bottom: 1mm; }
        .meta { color: #444; font-size: 9pt; margin-bottom: 3mm; }
        table { border-collapse: collapse; width: 100%; margin: 2mm 0; font-size: 9pt; }
        th, td { border: 1px solid #bbb; padding: 1mm 2mm; text-align: left; vertical-align: top; }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        th { background: #eef1f5; }
        section { break-inside: avoid; page-break-inside: avoid; }
        svg { display: block; max-width: 100%; height: auto; margin: 2mm 0; }
        .chart svg { border: 1px solid #ddd; }
        .bad { color: #b00; font-weight: bold; }
        .empty { color: #555; font-style: italic; border: 1px dashed #999; padding: 2mm; }
        ul { margin: 1mm 0; padding-left: 5mm; }
        @media print { body { padding: 0; max-width: none; } h2 { break-after: avoid; } }
        """;

    /// <summary>The page.</summary>
    public static string Render(StoredRiskReport stored)
    {
        var report = stored.Report;
        var inputs = report.Inputs;
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append(I($"<title>Risk report {stored.Id}: {E(inputs.PortfolioName)} as of {inputs.AsOfUtc.UtcDateTime:yyyy-MM-dd HH:mm} UTC</title>"))
            .Append("<style>").Append(Css).Append("</style></head><body>");
        html.Append(I($"<h1>Risk report {stored.Id}: {E(inputs.PortfolioName)}</h1>"))
            .Append(I($"<div class=\"meta\">Portfolio {inputs.PortfolioId} version {inputs.PortfolioVersion} (content SHA-256 {E(inputs.PortfolioContentHash[..Math.Min(16, inputs.PortfolioContentHash.Length)])}…) · as of {inputs.AsOfUtc.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC · written {stored.CreatedUtc.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC · code {E(inputs.CodeVersion)}</div>"));

        Summary(html, report);

        html.Append("<section id=\"backtest\"><h2>VaR history against realised P&amp;L</h2>");
        if (report.Backtest is { } bt)
            html.Append(I($"<p>Stored one-day VaR runs at {inputs.Parameters.Confidence:P1} from {bt.FromDay:yyyy-MM-dd} to {bt.ToDay:yyyy-MM-dd}: {bt.Days.Length} days tested, {bt.Skipped} skipped, <span class=\"{(bt.Exceptions > 0 ? "bad" : "")}\">{bt.Exceptions} exception(s)</span> (loss above VaR, marked red); Kupiec p-value {bt.KupiecPValue:0.###}, Basel zone {E(bt.TrafficLight)}.</p>"));
        html.Append("<div class=\"chart\">").Append(ReportCharts.Backtest(report.Backtest)).Append("</div></section>");

        html.Append("<section id=\"histogram\"><h2>P&amp;L distribution with VaR and ES</h2><div class=\"chart\">");
        var simulated = report.Var.FirstOrDefault(v => !v.ProfitAndLoss.IsDefaultOrEmpty);
        var shown = simulated ?? report.Var.FirstOrDefault();
        html.Append(shown is null
            ? "<p class=\"empty\">No VaR method could be computed (see the notes).</p>"
            : InlineSvg(VarHistogramChart.SvgText(shown.ProfitAndLoss.IsDefault ? [] : shown.ProfitAndLoss, shown.ValueAtRisk, shown.ExpectedShortfall,
                I($"{shown.Method} VaR {inputs.Parameters.Confidence:P1}, {inputs.Parameters.HorizonDays} d"), HistogramWidth, HistogramHeight), "histogram"));
        html.Append("</div></section>");

        html.Append("<section id=\"grid\"><h2>Margin scenario grid</h2><p>The book's P&amp;L with one underlying moved by the spot move (rows; the portfolio-margin model's grid) and an absolute vol shift (columns), the others held; full revaluation as VaR values the book.</p><div class=\"chart\">")
            .Append(ReportCharts.Heatmap(report.Grid)).Append("</div></section>");

        Margin(html, report);
        Stress(html, report);
        Liquidation(html, report);

        Alerts(html, report);

        Inputs(html, report);
        html.Append("</body></html>");
        return html.ToString();
    }

    private static void Summary(StringBuilder html, RiskReport report)
    {
        html.Append("<section id=\"summary\"><h2>Summary</h2><table><tr><th>Figure</th><th class=\"n\">USD</th><th>Note</th></tr>");
        foreach (var v in report.Var)
        {
            string se = v.VarStandardError is { } s ? I($" ± {s:N0}") : "";
            html.Append(I($"<tr><td>VaR {E(v.Method)}</td><td class=\"n\">{v.ValueAtRisk:N0}{se}</td><td>{E(v.Note)}</td></tr>"));
            html.Append(I($"<tr><td>ES {E(v.Method)}</td><td class=\"n\">{v.ExpectedShortfall:N0}</td><td></td></tr>"));
        }

        if (report.Stress.OrderByDescending(s => s.LossUsd).FirstOrDefault() is { } worst)
        {
            string gain = worst.LossUsd < 0 ? " (negative: the book gains in every scenario)" : "";
            html.Append(I($"<tr><td>Worst stress loss</td><td class=\"n\">{worst.LossUsd:N0}</td><td>{E(worst.Scenario)}{gain}</td></tr>"));
        }

        if (report.Margin.Where(m => m.Utilisation is not null).OrderByDescending(m => m.Utilisation).FirstOrDefault() is { } tight)
            html.Append(I($"<tr><td>Highest margin utilisation</td><td class=\"n\">{tight.Utilisation:P1}</td><td>{E(tight.Model)} on {E(tight.Chain)}: maintenance {tight.MaintenanceMarginUsd:N0} of equity {tight.EquityUsd:N0}</td></tr>"));
        if (!report.Alerts.IsDefaultOrEmpty)
            html.Append(I($"<tr><td>Margin alerts ({RiskReportService.AlertWindowDays} days)</td><td class=\"n\">{report.Alerts.Length}</td><td>{report.Alerts.Count(a => a.Level == "liquidation")} at the liquidation threshold</td></tr>"));
        if (report.Backtest is { } bt)
            html.Append(I($"<tr><td>Backtest exceptions</td><td class=\"n\">{bt.Exceptions} / {bt.Days.Length}</td><td>Basel {E(bt.TrafficLight)}, Kupiec p = {bt.KupiecPValue:0.###}</td></tr>"));
        html.Append("</table>");
        if (!report.Notes.IsDefaultOrEmpty)
        {
            html.Append("<p>Not computed:</p><ul>");
            foreach (var n in report.Notes) html.Append("<li>").Append(E(n)).Append("</li>");
            html.Append("</ul>");
        }

        html.Append("</section>");
    }

    private static void Margin(StringBuilder html, RiskReport report)
    {
        html.Append("<section id=\"margin\"><h2>Margin under each venue's rules and each chain</h2><div class=\"chart\">")
            .Append(ReportCharts.Bars("margin", "Maintenance margin (with the chain's liquidation-latency add-on) per model and chain",
                [.. report.Margin.Where(m => m.MaintenanceMarginUsd is not null).Select(m => ($"{m.Model} · {m.Chain}", m.MaintenanceMarginUsd!.Value))], "#3b6ea5"))
            .Append("</div><table><tr><th>Model</th><th>Venue</th><th>Chain</th><th class=\"n\">Initial</th><th class=\"n\">Maintenance</th><th class=\"n\">Latency add-on</th><th class=\"n\">Equity</th><th class=\"n\">Utilisation</th></tr>");
        foreach (var m in report.Margin)
        {
            html.Append(m.Unsupported is { } why
                ? I($"<tr><td>{E(m.Model)}</td><td>{E(m.Venue)}</td><td>{E(m.Chain)}</td><td colspan=\"5\">cannot margin the book: {E(why)}</td></tr>")
                : I($"<tr><td>{E(m.Model)}</td><td>{E(m.Venue)}</td><td>{E(m.Chain)}</td><td class=\"n\">{m.InitialMarginUsd:N0}</td><td class=\"n\">{m.MaintenanceMarginUsd:N0}</td><td class=\"n\">{m.AddOnUsd:N0}</td><td class=\"n\">{m.EquityUsd:N0}</td><td class=\"n {(m.Utilisation >= 1 ? "bad" : "")}\">{(m.Utilisation is { } u ? u.ToString("P1", CultureInfo.InvariantCulture) : "—")}</td></tr>"));
        }

        html.Append("</table></section>");
    }

    private static void Stress(StringBuilder html, RiskReport report)
    {
        html.Append("<section id=\"stress\"><h2>Stress losses</h2><div class=\"chart\">")
            .Append(ReportCharts.Bars("stress", "Loss per stress scenario (positive = a loss)", [.. report.Stress.Select(s => (s.Scenario, s.LossUsd))], "#b5442e"))
            .Append("</div><table><tr><th>Scenario</th><th class=\"n\">Loss</th><th>Spot moves</th><th>Vol shifts</th></tr>");
        foreach (var s in report.Stress)
        {
            html.Append(I($"<tr><td>{E(s.Scenario)}</td><td class=\"n\">{s.LossUsd:N0}</td><td>{E(string.Join(", ", s.SpotMoves.Select(m => I($"{m.Key} {m.Value:+0.0%;-0.0%;0%}"))))}</td><td>{E(string.Join(", ", s.VolShifts.Select(m => I($"{m.Key} {m.Value:+0.00;-0.00;0}"))))}</td></tr>"));
        }

        html.Append("</table></section>");
    }

    private static void Liquidation(StringBuilder html, RiskReport report)
    {
        var underlyings = report.Inputs.Prices.Keys.ToList();
        html.Append("<section id=\"liquidation\"><h2>Liquidation prices</h2><p>The spot at which equity falls to the maintenance margin (with the add-on), one underlying moved and the others held; spot: ")
            .Append(E(string.Join(", ", report.Inputs.Prices.Select(p => I($"{p.Key} {p.Value.PriceUsd:N2}"))))).Append(" USD.</p><table><tr><th>Model</th><th>Chain</th>");
        foreach (var u in underlyings) html.Append(I($"<th class=\"n\">{E(u)} down</th><th class=\"n\">{E(u)} up</th>"));
        html.Append("</tr>");
        foreach (var m in report.Margin.Where(m => m.Unsupported is null))
        {
            html.Append(I($"<tr><td>{E(m.Model)}</td><td>{E(m.Chain)}</td>"));
            foreach (var u in underlyings)
            {
                html.Append(m.Liquidation.TryGetValue(u, out var l)
                    ? l.LiquidatableNow ? "<td colspan=\"2\" class=\"bad\">liquidatable now</td>" : I($"<td class=\"n\">{Price(l.DownPriceUsd)}</td><td class=\"n\">{Price(l.UpPriceUsd)}</td>")
                    : "<td>—</td><td>—</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table></section>");
    }

    private static void Alerts(StringBuilder html, RiskReport report)
    {
        html.Append(I($"<section id=\"alerts\"><h2>Alerts</h2><p>Margin alerts the margin-monitor job raised for this portfolio in the {RiskReportService.AlertWindowDays} days up to the valuation instant, newest first (one per crossing of a threshold).</p>"));
        if (report.Alerts.IsDefaultOrEmpty)
        {
            html.Append("<p class=\"empty\">No margin alert in that window.</p></section>");
            return;
        }

        html.Append("<table><tr><th>Raised (UTC)</th><th>Level</th><th>Model</th><th>Chain</th><th class=\"n\">Utilisation</th><th class=\"n\">Threshold</th><th class=\"n\">Maintenance USD</th><th class=\"n\">Equity USD</th></tr>");
        foreach (var a in report.Alerts)
        {
            string utilisation = a.Utilisation is { } u ? I($"{u:P1}") : "equity ≤ 0";
            html.Append(I($"<tr><td>{a.RaisedAtUtc:yyyy-MM-dd HH:mm}</td><td class=\"{(a.Level == "liquidation" ? "bad" : "")}\">{E(a.Level)}</td><td>{E(a.Model)}</td><td>{E(a.Chain)}</td><td class=\"n\">{utilisation}</td><td class=\"n\">{a.Threshold:P0}</td><td class=\"n\">{a.MaintenanceMarginUsd:N0}</td><td class=\"n\">{a.EquityUsd:N0}</td></tr>"));
        }

        html.Append("</table></section>");
    }

    private static void Inputs(StringBuilder html, RiskReport report)
    {
        var inputs = report.Inputs;
        var p = inputs.Parameters;
        html.Append("<section id=\"inputs\"><h2>Inputs</h2><table><tr><th>Underlying</th><th class=\"n\">Spot</th><th>Observed</th><th>Source</th><th>Surface</th><th>History source</th><th>Carry b</th></tr>");
        foreach (var (u, price) in inputs.Prices)
        {
            var surface = inputs.Surfaces.TryGetValue(u, out var s) ? I($"{s.Id} (as of {s.AsOfUtc.UtcDateTime:yyyy-MM-dd HH:mm})") : "—";
            var carry = inputs.Carry.TryGetValue(u, out var c) ? I($"{c.CostOfCarry:0.####} ({c.Source})") : "—";
            html.Append(I($"<tr><td>{E(u)}</td><td class=\"n\">{price.PriceUsd:N2}</td><td>{price.ObservedAtUtc.UtcDateTime:yyyy-MM-dd HH:mm}</td><td>{E(price.Source)}</td><td>{E(surface)}</td><td>{E(inputs.HistorySources.GetValueOrDefault(u) ?? "—")}</td><td>{E(carry)}</td></tr>"));
        }

        html.Append("</table>")
            .Append(I($"<p>Methods {E(string.Join(", ", p.Methods))}; confidence {p.Confidence}; horizon {p.HorizonDays} d; look-back {p.LookbackDays} d; Monte Carlo {p.Paths} paths, seed {p.Seed}, {p.MonteCarloBlocks} block(s){(p.SplitMonteCarlo ? " run as separate jobs" : "")}; surface model {E(inputs.SurfaceModel)}; backtest {p.BacktestDays} d.</p>"))
            .Append("<p>Timings (ms): ").Append(E(string.Join(", ", report.Timings.Select(t => I($"{t.Key} {t.Value:0}"))))).Append("</p></section>");
    }

    private const int HistogramWidth = 900, HistogramHeight = 440;

    /// <summary>
    /// A ScottPlot SVG document as an inline element: no XML declaration, marked with <c>data-chart</c>, and with a viewBox so
    /// that it scales to the page width instead of being cut off.
    /// </summary>
    private static string InlineSvg(string svg, string name)
    {
        int start = svg.IndexOf("<svg", StringComparison.Ordinal);
        var body = start >= 0 ? svg[start..] : svg;
        var attributes = $" data-chart=\"{name}\"";
        if (!body[..body.IndexOf('>', StringComparison.Ordinal)].Contains("viewBox", StringComparison.Ordinal))
            attributes += I($" viewBox=\"0 0 {HistogramWidth} {HistogramHeight}\" preserveAspectRatio=\"xMinYMin meet\"");
        return body.Insert(4, attributes);
    }

    private static string Price(double? value) => value is { } v ? v.ToString("N2", CultureInfo.InvariantCulture) : "—";

    private static string E(string text) => System.Net.WebUtility.HtmlEncode(text);

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
