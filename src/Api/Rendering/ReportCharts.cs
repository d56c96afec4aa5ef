using System.Globalization;
using System.Text;
using Analytics.Data.Reports;

namespace Analytics.Api.Rendering;

/// <summary>
/// The inline SVG charts of a report page (no scripts, fonts or external references): the VaR history against realised
/// P&amp;L with exceptions marked, the margin scenario grid as a heat map, margin per model and chain, and stress losses.
/// Each root element carries <c>data-chart</c> naming the chart.
/// </summary>
internal static class ReportCharts
{
    private const string Font = "font-family=\"DejaVu Sans, sans-serif\"";

    /// <summary>Daily realised P&amp;L as bars, −VaR as a line, exceptions (loss above VaR) as red marks.</summary>
    public static string Backtest(ReportBacktest? backtest)
    {
        const int W = 900, H = 300, L = 80, R = 20, T = 20, B = 50;
        if (backtest is null || backtest.Days.IsEmpty) return Empty("backtest", W, "No stored one-day VaR history to test yet: each report stores its one-day VaR, so later reports test it.");
        var days = backtest.Days;
        double hi = Math.Max(days.Max(d => Math.Max(d.ProfitAndLoss, 0)), 1), lo = Math.Min(days.Min(d => Math.Min(d.ProfitAndLoss, -d.ValueAtRisk)), -1);
        double pad = 0.08 * (hi - lo);
        (hi, lo) = (hi + pad, lo - pad);
        double step = (W - L - R) / (double)days.Length;
        double Y(double v) => T + (hi - v) / (hi - lo) * (H - T - B);
        double X(int i) => L + (i + 0.5) * step;
        var svg = Start("backtest", W, H, "VaR history against realised P&L");
        Axis(svg, lo, hi, Y, L, W - R);
        double bar = Math.Max(1, step * 0.6);
        for (int i = 0; i < days.Length; i++)
        {
            var d = days[i];
            double y0 = Y(0), y1 = Y(d.ProfitAndLoss);
            svg.Append(I($"<rect x=\"{X(i) - bar / 2:F1}\" y=\"{Math.Min(y0, y1):F1}\" width=\"{bar:F1}\" height=\"{Math.Max(Math.Abs(y1 - y0), 0.5):F1}\" fill=\"{(d.ProfitAndLoss >= 0 ? "#4a8f5a" : "#8a8a8a")}\"><title>{d.Day:yyyy-MM-dd}: P&amp;L {d.ProfitAndLoss:N0} USD, VaR {d.ValueAtRisk:N0} USD</title></rect>"));
        }

        svg.Append("<polyline fill=\"none\" stroke=\"#d9531e\" stroke-width=\"2\" points=\"");
        for (int i = 0; i < days.Length; i++) svg.Append(I($"{X(i):F1},{Y(-days[i].ValueAtRisk):F1} "));
        svg.Append("\"/>");
        for (int i = 0; i < days.Length; i++)
            if (days[i].Exception)
                svg.Append(I($"<circle class=\"exception\" cx=\"{X(i):F1}\" cy=\"{Y(days[i].ProfitAndLoss):F1}\" r=\"5\" fill=\"#c00\" stroke=\"#fff\"/>"));
        foreach (int i in Ticks(days.Length, 8))
            svg.Append(I($"<text x=\"{X(i):F1}\" y=\"{H - B + 16}\" font-size=\"11\" text-anchor=\"middle\" {Font}>{days[i].Day:MM-dd}</text>"));
        Legend(svg, W - R - 330, T + 4, [("#4a8f5a", "realised P&L"), ("#d9531e", "−VaR"), ("#c00", "exception")]);
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Per underlying a heat map of the book's P&amp;L: spot moves down, vol shifts across; red losses, green gains.</summary>
    public static string Heatmap(IReadOnlyList<ReportGrid> grids)
    {
        if (grids.Count == 0) return Empty("heatmap", 900, "No scenario grid: the market data it needs is missing (see the notes).");
        const int Cell = 64, RowH = 24, Left = 80, Top = 44, Gap = 40;
        int cols = grids[0].VolShifts.Length, rows = grids.Max(g => g.SpotMoves.Length);
        int gridW = Left + cols * Cell;
        int W = grids.Count * (gridW + Gap), H = Top + rows * RowH + 30;
        double max = grids.SelectMany(g => g.ProfitAndLossUsd.SelectMany(r => r)).Select(Math.Abs).DefaultIfEmpty(1).Max();
        var svg = Start("heatmap", W, H, "Book P&L on the spot × vol grid");
        for (int k = 0; k < grids.Count; k++)
        {
            var g = grids[k];
            int x0 = k * (gridW + Gap);
            svg.Append(I($"<text x=\"{x0 + Left}\" y=\"16\" font-size=\"13\" font-weight=\"bold\" {Font}>{Esc(g.Underlying)}: P&amp;L (USD), spot move ↓ × vol shift →</text>"));
            for (int j = 0; j < g.VolShifts.Length; j++)
                svg.Append(I($"<text x=\"{x0 + Left + j * Cell + Cell / 2}\" y=\"{Top - 8}\" font-size=\"11\" text-anchor=\"middle\" {Font}>{g.VolShifts[j] * 100:+0;−0;0} vol</text>"));
            for (int i = 0; i < g.SpotMoves.Length; i++)
            {
                svg.Append(I($"<text x=\"{x0 + Left - 6}\" y=\"{Top + i * RowH + 16}\" font-size=\"11\" text-anchor=\"end\" {Font}>{g.SpotMoves[i] * 100:+0.#;−0.#;0} %</text>"));
                for (int j = 0; j < g.VolShifts.Length; j++)
                {
                    double v = g.ProfitAndLossUsd[i][j];
                    svg.Append(I($"<rect x=\"{x0 + Left + j * Cell}\" y=\"{Top + i * RowH}\" width=\"{Cell - 1}\" height=\"{RowH - 1}\" fill=\"{Color(v, max)}\"><title>{Esc(g.Underlying)} {g.SpotMoves[i]:P0}, vol {g.VolShifts[j]:+0.00;-0.00}: {v:N0} USD</title></rect>"));
                    svg.Append(I($"<text x=\"{x0 + Left + j * Cell + Cell / 2}\" y=\"{Top + i * RowH + 16}\" font-size=\"10\" text-anchor=\"middle\" {Font}>{Short(v)}</text>"));
                }
            }
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Horizontal bars: one per (label, value), losses or margins in USD.</summary>
    public static string Bars(string name, string title, IReadOnlyList<(string Label, double Value)> rows, string color)
    {
        if (rows.Count == 0) return Empty(name, 900, "Nothing to show (see the notes).");
        const int W = 900, Label = 260, RowH = 20, T = 10, R = 80, ValueRoom = 70;
        int H = T + rows.Count * RowH + 10;
        // Gains left of zero, losses (or margins) right of it, each side as wide as its largest bar needs.
        double pos = Math.Max(rows.Max(r => r.Value), 0), neg = Math.Max(-rows.Min(r => r.Value), 0), span = Math.Max(pos + neg, 1);
        double left = Label + (neg > 0 ? ValueRoom : 0), width = W - R - left;
        double scale = width / span, zero = left + neg * scale;
        var svg = Start(name, W, H, title);
        for (int i = 0; i < rows.Count; i++)
        {
            var (label, value) = rows[i];
            double y = T + i * RowH, w = Math.Max(Math.Abs(value) * scale, 0.5), x = value >= 0 ? zero : zero - w;
            svg.Append(I($"<text x=\"{Label - 6}\" y=\"{y + 14}\" font-size=\"11\" text-anchor=\"end\" {Font}>{Esc(label)}</text>"));
            svg.Append(I($"<rect x=\"{x:F1}\" y=\"{y + 3}\" width=\"{w:F1}\" height=\"{RowH - 6}\" fill=\"{(value >= 0 ? color : "#4a8f5a")}\"><title>{Esc(label)}: {value:N0} USD</title></rect>"));
            svg.Append(I($"<text x=\"{(value >= 0 ? x + w + 4 : x - 4):F1}\" y=\"{y + 14}\" font-size=\"10\" text-anchor=\"{(value >= 0 ? "start" : "end")}\" {Font}>{value:N0}</text>"));
        }

        svg.Append(I($"<line x1=\"{zero:F1}\" y1=\"{T}\" x2=\"{zero:F1}\" y2=\"{H - 10}\" stroke=\"#333\"/>"));
        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Start(string name, int width, int height, string title) => new StringBuilder()
        .Append(I($"<svg xmlns=\"http://www.w3.org/2000/svg\" data-chart=\"{name}\" role=\"img\" viewBox=\"0 0 {width} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">"))
        .Append($"<title>{Esc(title)}</title>");

    private static string Empty(string name, int width, string message) =>
        Start(name, width, 40, message).Append(I($"<text x=\"10\" y=\"24\" font-size=\"13\" fill=\"#555\" {Font}>{Esc(message)}</text></svg>")).ToString();

    private static void Axis(StringBuilder svg, double lo, double hi, Func<double, double> y, int left, int right)
    {
        foreach (double v in NiceTicks(lo, hi))
        {
            svg.Append(I($"<line x1=\"{left}\" y1=\"{y(v):F1}\" x2=\"{right}\" y2=\"{y(v):F1}\" stroke=\"{(v == 0 ? "#333" : "#ddd")}\"/>"));
            svg.Append(I($"<text x=\"{left - 6}\" y=\"{y(v) + 4:F1}\" font-size=\"11\" text-anchor=\"end\" {Font}>{Short(v)}</text>"));
        }
    }

    private static void Legend(StringBuilder svg, int x, int y, IReadOnlyList<(string Color, string Text)> items)
    {
        for (int i = 0; i < items.Count; i++)
        {
            svg.Append(I($"<rect x=\"{x + i * 110}\" y=\"{y}\" width=\"12\" height=\"12\" fill=\"{items[i].Color}\"/>"));
            svg.Append(I($"<text x=\"{x + i * 110 + 16}\" y=\"{y + 11}\" font-size=\"11\" {Font}>{Esc(items[i].Text)}</text>"));
        }
    }

    private static IEnumerable<double> NiceTicks(double lo, double hi)
    {
        double raw = (hi - lo) / 6, magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = new[] { 1.0, 2.0, 5.0, 10.0 }.Select(m => m * magnitude).First(s => s >= raw);
        for (double v = Math.Ceiling(lo / step) * step; v <= hi; v += step) yield return Math.Abs(v) < step / 1e6 ? 0 : v;
    }

    private static IEnumerable<int> Ticks(int count, int most)
    {
        int every = Math.Max(1, (int)Math.Ceiling(count / (double)most));
        for (int i = 0; i < count; i += every) yield return i;
    }

    private static string Color(double value, double max)
    {
        double t = Math.Clamp(Math.Abs(value) / max, 0, 1);
        int fade = (int)Math.Round(255 - 175 * t);
        return value < 0 ? I($"rgb(255,{fade},{fade})") : I($"rgb({fade},255,{fade})");
    }

    /// <summary>A number in a few characters: 12.3k, −1.2M.</summary>
    internal static string Short(double v)
    {
        double a = Math.Abs(v);
        string text = a >= 1e6 ? I($"{a / 1e6:0.#}M") : a >= 1e3 ? I($"{a / 1e3:0.#}k") : I($"{a:0}");
        return v < 0 && text != "0" ? "−" + text : text;
    }

    private static string Esc(string text) => System.Net.WebUtility.HtmlEncode(text);

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
