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

    public static byte[] Svg(VarRun run, string id)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        var pnl = run.ProfitAndLoss;
        if (!pnl.IsEmpty)
        {
            var bins = VarHistogram.Bins(pnl, 40);
            var bars = bins.Select(b => new Bar { Position = 0.5 * (b.From + b.To), Value = b.Count, Size = Math.Max(b.To - b.From, 1e-9), FillColor = Colors.SteelBlue }).ToArray();
            plot.Add.Bars(bars);
            plot.Axes.SetLimitsY(0, 1.08 * bins.Max(b => b.Count));
        }

        var e = run.Estimate;
        var var = plot.Add.VerticalLine(-e.ValueAtRisk, 2, Colors.OrangeRed);
        var.LegendText = Invariant($"VaR {e.ValueAtRisk:N0} USD");
        var es = plot.Add.VerticalLine(-e.ExpectedShortfall, 2, Colors.DarkRed);
        es.LinePattern = LinePattern.Dashed;
        es.LegendText = Invariant($"ES {e.ExpectedShortfall:N0} USD");
        plot.Title(Invariant($"{Method(run.Specification.Method)} VaR {run.Specification.Confidence:P1}, {run.Specification.HorizonDays} d, as of {run.AsOfUtc.UtcDateTime:yyyy-MM-dd HH:mm}Z (run {id})"), size: 14);
        plot.XLabel("P&L over the horizon (USD)", size: 14);
        plot.YLabel(pnl.IsEmpty ? "no scenarios (parametric)" : "scenarios", size: 14);
        plot.ShowLegend(Alignment.UpperLeft);
        return System.Text.Encoding.UTF8.GetBytes(plot.GetSvgXml(900, 520));
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
