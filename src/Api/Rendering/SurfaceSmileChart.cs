using System.Globalization;
using Analytics.Pricing.Surfaces;
using ScottPlot;
using SkiaSharp;

namespace Analytics.Api.Rendering;

/// <summary>
/// Draws a stored surface (PRODUCT.md §3.2 "drawn as a picture"): one panel per expiry with the fitted smile over the
/// market bid, ask and mid vols and the venue's mark vols, and a last panel with the ATM term structure; or one expiry's
/// panel alone. Vols in %, log-moneyness k = ln(K/F). Each smile panel's title names the RMSEs it shows.
/// </summary>
/// <remarks>ScottPlot renders through SkiaSharp; text needs a font on the machine (fonts-dejavu-core).</remarks>
internal static class SurfaceSmileChart
{
    private const int Columns = 3;
    private const int PanelWidth = 560;
    private const int PanelHeight = 400;
    private const string FontName = "DejaVu Sans";

    /// <summary>One expiry's smile alone, with the legend in its panel.</summary>
    public static byte[] Render(StoredSurface stored, SurfaceSlice slice, SmileChartFormat format)
    {
        var plot = Smile(stored, slice);
        plot.Legend.FontSize = 13;
        plot.ShowLegend(Edge.Right);
        var multiplot = new Multiplot(plot);
        return format == SmileChartFormat.Png ? Png(multiplot, 2 * PanelWidth, 2 * PanelHeight) : Svg(multiplot, 2 * PanelWidth, 2 * PanelHeight, 0);
    }

    /// <summary>Every expiry and the ATM term structure.</summary>
    public static byte[] Render(StoredSurface stored, SmileChartFormat format)
    {
        var surface = stored.Surface;
        var panels = surface.Slices.Length + 1;
        var rows = (panels + Columns - 1) / Columns;
        var columns = Math.Min(Columns, panels);
        var plots = surface.Slices.Select(s => Smile(stored, s)).Append(TermStructure(stored, surface)).ToList();
        var multiplot = new Multiplot(plots[0]);
        foreach (var plot in plots.Skip(1))
            multiplot.AddPlot(plot);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(rows, columns);
        var (width, height) = (columns * PanelWidth, rows * PanelHeight);
        return format == SmileChartFormat.Png ? Png(multiplot, width, height) : Svg(multiplot, width, height, rows * columns - panels);
    }

    private static Plot Smile(StoredSurface stored, SurfaceSlice slice)
    {
        var plot = NewPlot();
        var points = slice.Points;
        var (kMin, kMax) = points.IsEmpty ? (-0.5, 0.5) : (points.Min(p => p.LogMoneyness), points.Max(p => p.LogMoneyness));
        var margin = Math.Max(0.05, 0.1 * (kMax - kMin));
        var ks = Enumerable.Range(0, 121).Select(i => kMin - margin + (kMax - kMin + 2 * margin) * i / 120).ToArray();
        var fitted = ks.Select(k => 100 * slice.LognormalVol(k)).ToArray();

        Points(plot, points.Select(p => p.LogMoneyness), points.Select(p => 100 * p.BidVol), "market bid", Colors.SeaGreen, MarkerShape.FilledTriangleUp, 6);
        Points(plot, points.Select(p => p.LogMoneyness), points.Select(p => 100 * p.AskVol), "market ask", Colors.OrangeRed, MarkerShape.FilledTriangleDown, 6);
        Points(plot, points.Select(p => p.LogMoneyness), points.Select(p => 100 * p.MidVol), "market mid", Colors.Black, MarkerShape.OpenCircle, 6);
        Points(plot, points.Select(p => p.LogMoneyness), points.Select(p => 100 * p.VenueMarkVol), "venue mark", Colors.DarkViolet, MarkerShape.Cross, 9);
        var line = plot.Add.ScatterLine(ks, fitted, Colors.RoyalBlue);
        line.LineWidth = 2;
        line.LegendText = FitLabel(stored.Surface.Model);

        // Scale to the mids and the fit: far-wing bid vols (tiny bids) would otherwise flatten the smile.
        var core = points.Select(p => 100 * p.MidVol).Concat(points.Select(p => 100 * p.VenueMarkVol)).Concat(fitted).Where(double.IsFinite).ToArray();
        var (lo, hi) = (core.Min(), core.Max());
        var pad = Math.Max(1.0, 0.12 * (hi - lo));
        plot.Axes.SetLimits(ks[0], ks[^1], Math.Max(0, lo - pad), hi + pad);
        plot.Title(Invariant($"{stored.Underlying} {slice.ExpiryUtc:yyyy-MM-dd HH:mm}Z (T = {slice.TenorYears:0.000} y)\n{RmseCaption(slice)}"), size: 14);
        plot.XLabel("log-moneyness k = ln(K / F)", size: 14);
        plot.YLabel("implied vol (%)", size: 14);
        plot.HideLegend(); // one legend for all panels, in the term-structure panel
        return plot;
    }

    private static Plot TermStructure(StoredSurface stored, VolatilitySurface surface)
    {
        var plot = NewPlot();
        var tenors = surface.Slices.Select(s => s.TenorYears).ToArray();
        var atm = surface.Slices.Select(s => 100 * s.LognormalVol(0.0)).ToArray();
        var line = plot.Add.Scatter(tenors, atm, Colors.RoyalBlue);
        line.LineWidth = 2;
        line.MarkerSize = 7;
        plot.Title(Invariant($"{stored.Underlying} ATM term structure, surface {stored.Id}, as of {surface.AsOfUtc.UtcDateTime:yyyy-MM-dd HH:mm}Z"), size: 15);
        plot.XLabel("tenor (years, Act/365F)", size: 14);
        plot.YLabel("ATM implied vol (%)", size: 14);
        var (lo, hi) = (atm.Min(), atm.Max());
        var pad = Math.Max(1.0, 0.15 * (hi - lo));
        var tPad = Math.Max(0.01, 0.05 * (tenors[^1] - tenors[0]));
        plot.Axes.SetLimits(Math.Max(0, tenors[0] - tPad), tenors[^1] + tPad, Math.Max(0, lo - pad), hi + pad);
        // The smile panels' legend (they carry none, to keep their data clear).
        AddLegend(plot, surface.Model, "smile panels: ");
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "ATM vol (k = 0), fitted", LineStyle = FitLine, MarkerStyle = new MarkerStyle(MarkerShape.FilledCircle, 7, Colors.RoyalBlue) });
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    private static LineStyle FitLine => new() { Color = Colors.RoyalBlue, Width = 2 };

    private static void AddLegend(Plot plot, SurfaceModel model, string prefix)
    {
        plot.Legend.ManualItems.Add(Item($"{prefix}market bid vol", Colors.SeaGreen, MarkerShape.FilledTriangleUp));
        plot.Legend.ManualItems.Add(Item($"{prefix}market ask vol", Colors.OrangeRed, MarkerShape.FilledTriangleDown));
        plot.Legend.ManualItems.Add(Item($"{prefix}market mid vol", Colors.Black, MarkerShape.OpenCircle));
        plot.Legend.ManualItems.Add(Item($"{prefix}venue mark vol", Colors.DarkViolet, MarkerShape.Cross));
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"{prefix}{FitLabel(model)}", LineStyle = FitLine });
        plot.Legend.FontSize = 13;
    }

    private static string FitLabel(SurfaceModel model) => $"{Label(model)} fit";

    /// <summary>
    /// The panel's error caption: in-range RMSE of the fit against the venue's marks (when the slice has any) and against
    /// mids, and the wings' RMSE against the marks when there are wing points.
    /// </summary>
    private static string RmseCaption(SurfaceSlice slice)
    {
        var (inRange, wings) = (slice.Quality.InRange, slice.Quality.Wings);
        var caption = double.IsFinite(inRange.RmseVsMarkVolPoints)
            ? Invariant($"in-range RMSE vs venue mark {inRange.RmseVsMarkVolPoints:0.00} vp, vs mid {inRange.RmseVsMidVolPoints:0.00} vp")
            : Invariant($"in-range RMSE vs mid {inRange.RmseVsMidVolPoints:0.00} vp (no venue marks)");
        if (double.IsFinite(wings.RmseVsMarkVolPoints)) caption += Invariant($"; wings vs mark {wings.RmseVsMarkVolPoints:0.00} vp");
        return slice.IsFailing ? caption + "\nFAILING: an arbitrage repair had to leave the quotes (see the slice's repair)" : caption;
    }

    private static LegendItem Item(string label, Color color, MarkerShape shape) =>
        new() { LabelText = label, MarkerStyle = new MarkerStyle(shape, 8, color), LineStyle = LineStyle.None };

    private static Plot NewPlot()
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        return plot;
    }

    private static void Points(Plot plot, IEnumerable<double> xs, IEnumerable<double> ys, string label, Color color, MarkerShape shape, float size)
    {
        var pairs = xs.Zip(ys).Where(p => double.IsFinite(p.Second)).ToArray();
        if (pairs.Length == 0) return;
        var scatter = plot.Add.ScatterPoints(pairs.Select(p => p.First).ToArray(), pairs.Select(p => p.Second).ToArray(), color);
        scatter.MarkerShape = shape;
        scatter.MarkerSize = size;
        scatter.LegendText = label;
    }

    private static byte[] Png(Multiplot multiplot, int width, int height)
    {
        using var image = multiplot.Render(width, height);
        return image.GetImageBytes(ImageFormat.Png);
    }

    private static byte[] Svg(Multiplot multiplot, int width, int height, int unusedCells)
    {
        using var stream = new MemoryStream();
        using (var canvas = SKSvgCanvas.Create(SKRect.Create(width, height), stream))
        {
            using var white = new SKPaint { Color = SKColors.White, Style = SKPaintStyle.Fill };
            canvas.DrawRect(SKRect.Create(width, height), white);
            multiplot.Render(canvas, new PixelRect(new PixelSize(width, height)));
            // The multiplot leaves the grid's unused cells (bottom row, right) black on an SVG canvas: paint them white.
            for (var i = 0; i < unusedCells; i++)
                canvas.DrawRect(SKRect.Create(width - (i + 1) * PanelWidth, height - PanelHeight, PanelWidth, PanelHeight), white);
        }
        return stream.ToArray();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Label(SurfaceModel model) => model switch
    {
        SurfaceModel.Ssvi => "SSVI",
        SurfaceModel.Essvi => "eSSVI",
        _ => "SVI",
    };
}
