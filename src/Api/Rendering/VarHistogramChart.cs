using System.Globalization;
using Analytics.Data.Risk;
using ScottPlot;

namespace Analytics.Api.Rendering;

/// <summary>
/// Draws a VaR run's scenario P&amp;L as a histogram with vertical lines at −VaR and −ES (the P&amp;L at which each loss
/// figure sits). Parametric runs have no scenarios: the picture then shows the normal (or Cornish–Fisher) figures alone.
/// </summary>
internal static class VarHistogramChart
{
    private const string FontName = "DejaVu Sans";

    public static byte[] Svg(VarRun run, string id) =>
        System.Text.Encoding.UTF8.GetBytes(SvgText(run.ProfitAndLoss, run.Estimate.ValueAtRisk, run.Estimate.ExpectedShortfall,
            Invariant($"{Method(run.Specification.Method)} VaR {run.Specification.Confidence:P1}, {run.Specification.HorizonDays} d, as of {run.AsOfUtc.UtcDateTime:yyyy-MM-dd HH:mm}Z (run {id})"),
            900, 520));

    /// <summary>The histogram of <paramref name="pnl"/> with the −VaR and −ES lines, as SVG text (also inlined in report pages).</summary>
    public static string SvgText(IReadOnlyList<double> pnl, double valueAtRisk, double expectedShortfall, string title, int width, int height)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        if (pnl.Count > 0)
        {
            var bins = VarHistogram.Bins(pnl, 40);
            var bars = bins.Select(b => new Bar { Position = 0.5 * (b.From + b.To), Value = b.Count, Size = Math.Max(b.To - b.From, 1e-9), FillColor = Colors.SteelBlue }).ToArray();
            plot.Add.Bars(bars);
            plot.Axes.SetLimitsY(0, 1.08 * bins.Max(b => b.Count));
        }

        var var = plot.Add.VerticalLine(-valueAtRisk, 2, Colors.OrangeRed);
        var.LegendText = Invariant($"VaR {valueAtRisk:N0} USD");
        var es = plot.Add.VerticalLine(-expectedShortfall, 2, Colors.DarkRed);
        es.LinePattern = LinePattern.Dashed;
        es.LegendText = Invariant($"ES {expectedShortfall:N0} USD");
        plot.Title(title, size: 14);
        plot.XLabel("P&L over the horizon (USD)", size: 14);
        plot.YLabel(pnl.Count == 0 ? "no scenarios (parametric)" : "scenarios", size: 14);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot.GetSvgXml(width, height);
    }

    public static string Method(VarMethod method) => method switch
    {
        VarMethod.Historical => "historical",
        VarMethod.Parametric => "parametric",
        VarMethod.DeltaGamma => "delta-gamma",
        _ => "monte-carlo",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
