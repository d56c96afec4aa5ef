using System.Globalization;
using System.Text;
using Analytics.Pricing.Black;
using Analytics.Pricing.Surfaces;
using Analytics.TestSupport;

namespace Analytics.Pricing.Tests.Surfaces;

/// <summary>
/// SSVI (Gatheral &amp; Jacquier 2014, power-law φ) and eSSVI (Hendriks &amp; Martini 2019; Corbetta et al. 2019) on the real
/// Deribit boards of PROVENANCE.md §1: fitted to our own mid implied vols (Deribit's mark IV where a quote is one-sided)
/// and compared with Deribit's mark IV; the fitted surfaces checked for static arbitrage on a dense (k, T) grid, between and beyond the
/// slices, by Durrleman's g, by total variance in T and by Black-76 (r = 0) call butterflies and calendar spreads.
/// </summary>
/// <remarks>
/// No calibration setting was tuned on any board (the 2025-12-30 boards were looked at to diagnose; nothing was changed on
/// the strength of the 2026-01-05 ones). The bounds asserted on the venue RMSE are the largest median the fits reach over
/// the four boards over the strikes within the quoted range (one-sided quotes fitted on the venue mark), rounded up: SSVI
/// 1.23–2.51 vp (one ρ for all expiries), eSSVI 0.79–1.25 vp (three parameters per
/// slice: an SSVI smile cannot place its vertex and its wing asymmetry independently, which raw SVI's m does; fitting
/// the slices with no calendar constraint gives the same medians, so the constraints cost nothing here). Neither meets
/// the 0.5 vp goal of the default (raw SVI) surface.
/// </remarks>
public sealed class DeribitSsviSurfaceTests(ITestOutputHelper output)
{
    /// <summary>Median slice RMSE against Deribit mark IV that SSVI meets on every board, vol points (met, not a goal).</summary>
    private const double SsviMedianBoundVolPoints = 2.6;

    /// <summary>The same for eSSVI.</summary>
    private const double EssviMedianBoundVolPoints = 1.3;

    public static TheoryData<string, string, SurfaceModel> Boards()
    {
        var data = new TheoryData<string, string, SurfaceModel>();
        foreach (var model in new[] { SurfaceModel.Ssvi, SurfaceModel.Essvi })
        {
            foreach (var file in new[] { "deribit_options_snapshot_20251230T173115Z.csv", "deribit_options_snapshot_20260105T153329Z.csv" })
            {
                foreach (var currency in new[] { "BTC", "ETH" })
                {
                    data.Add(file, currency, model);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Boards))]
    public void Calibrate_DeribitBoard_ArbitrageFreeAndReportsVenueError(string file, string currency, SurfaceModel model)
    {
        var surface = Fit(file, currency, model);

        output.WriteLine(Report(surface, file, currency));
        Assert.True(surface.Arbitrage.IsArbitrageFree,
            string.Join("; ", surface.Arbitrage.Butterfly.Where(b => !b.IsArbitrageFree).Select(b => b.Reason).Concat(surface.Arbitrage.Calendar.Select(c => c.ToString()))));
        double median = surface.Quality.InRange.RmseVsMarkVolPoints; // issue 13 item 3: over the strikes within the quoted range
        output.WriteLine(FormattableString.Invariant($"{model} {currency} {file}: in-range median RMSE vs mark {median:F3} vp, wings {surface.Quality.Wings.RmseVsMarkVolPoints:F3} vp"));
        double bound = model == SurfaceModel.Ssvi ? SsviMedianBoundVolPoints : EssviMedianBoundVolPoints;
        Assert.True(median <= bound, $"median slice RMSE vs Deribit mark {median:F3} vp > {bound} vp");
    }

    [Theory]
    [MemberData(nameof(Boards))]
    public void Calibrate_DeribitBoard_ParametersMeetTheTheoremConditions(string file, string currency, SurfaceModel model)
    {
        var surface = Fit(file, currency, model);

        if (model == SurfaceModel.Ssvi)
        {
            var fit = Assert.IsType<SsviFit>(surface.Ssvi);
            var p = fit.Parameters;
            Assert.InRange(p.Gamma, double.Epsilon, 1.0 - double.Epsilon);
            Assert.True(p.Eta * (1.0 + Math.Abs(p.Rho)) <= 2.0 + 1e-12, p.ToString());
            Assert.True(fit.AtmTotalVariances.Zip(fit.AtmTotalVariances.Skip(1)).All(x => x.First <= x.Second));
            foreach (double theta in fit.AtmTotalVariances)
            {
                // Gatheral & Jacquier (2014), Theorem 4.2, evaluated directly: θφ(1 + |ρ|) < 4 and θφ²(1 + |ρ|) ≤ 4.
                double phi = p.Eta / (Math.Pow(theta, p.Gamma) * Math.Pow(1.0 + theta, 1.0 - p.Gamma));
                Assert.True(theta * phi * (1.0 + Math.Abs(p.Rho)) < 4.0);
                Assert.True(theta * phi * phi * (1.0 + Math.Abs(p.Rho)) <= 4.0 * (1.0 + 1e-12), $"θ = {theta}: θφ²(1+|ρ|) = {theta * phi * phi * (1.0 + Math.Abs(p.Rho))}");
            }
        }

        // Every slice of either model is an SSVI smile: θ = w(0), ρ, ψ = 2b of its raw form.
        var slices = surface.Slices.Select(s => (Theta: s.Parameters.TotalVariance(0.0), s.Parameters.Rho, Psi: 2.0 * s.Parameters.B)).ToArray();
        foreach (var (theta, rho, psi) in slices)
        {
            Assert.True(psi * (1.0 + Math.Abs(rho)) <= 4.0 * (1.0 + 1e-9));
            Assert.True(psi * psi * (1.0 + Math.Abs(rho)) <= 4.0 * theta * (1.0 + 1e-9));
        }

        foreach (var (near, far) in slices.Zip(slices.Skip(1)))
        {
            // The calendar region: θ non-decreasing, wing slopes ψ(1 ± ρ) non-decreasing, φ = ψ/θ non-increasing.
            Assert.True(far.Theta >= near.Theta * (1.0 - 1e-9));
            Assert.True(far.Psi * (1.0 + far.Rho) >= near.Psi * (1.0 + near.Rho) * (1.0 - 1e-9));
            Assert.True(far.Psi * (1.0 - far.Rho) >= near.Psi * (1.0 - near.Rho) * (1.0 - 1e-9));
            Assert.True(far.Psi / far.Theta <= near.Psi / near.Theta * (1.0 + 1e-9));
        }
    }

    [Theory]
    [MemberData(nameof(Boards))]
    public void Calibrate_DeribitBoard_NoStaticArbitrageOnADenseGridBetweenAndBeyondTheSlices(string file, string currency, SurfaceModel model)
    {
        var surface = Fit(file, currency, model);
        var tenors = DenseTenors(surface);
        var k = Enumerable.Range(0, 601).Select(i => -1.5 + 3.0 * i / 600).ToArray();

        // Total variance non-decreasing in T at every k (Gatheral & Jacquier 2014, Lemma 2.1).
        for (int j = 0; j + 1 < tenors.Length; j++)
        {
            foreach (double x in k)
            {
                double near = surface.TotalVariance(x, tenors[j]), far = surface.TotalVariance(x, tenors[j + 1]);
                Assert.True(far >= near - 1e-12 * far, $"w({x:F3}, {tenors[j + 1]:F5}) = {far} < w({x:F3}, {tenors[j]:F5}) = {near}");
            }
        }

        int calendarPairs = 0;
        foreach (double t in tenors)
        {
            double forward = surface.Forward(t);
            var strikes = Enumerable.Range(0, 401).Select(i => forward * Math.Exp(-1.2 + 2.4 * i / 400)).ToArray();
            var calls = strikes.Select(s => Call(surface, s, t)).ToArray();
            for (int i = 1; i + 1 < strikes.Length; i++)
            {
                // Call prices convex in strike on a non-uniform grid: the butterfly weights of three strikes.
                double left = (calls[i] - calls[i - 1]) / (strikes[i] - strikes[i - 1]);
                double right = (calls[i + 1] - calls[i]) / (strikes[i + 1] - strikes[i]);
                Assert.True(right - left >= -1e-9, $"T = {t:F5}, K = {strikes[i]:F0}: slope {left} then {right}");
            }
        }

        for (int j = 0; j + 1 < tenors.Length; j++)
        {
            double f1 = surface.Forward(tenors[j]), f2 = surface.Forward(tenors[j + 1]);
            if (f2 < f1)
            {
                continue; // at a fixed strike the calendar call spread is only bounded below when the forward does not fall
            }

            calendarPairs++;
            for (int i = 0; i <= 200; i++)
            {
                double strike = f1 * Math.Exp(-1.2 + 2.4 * i / 200);
                double spread = Call(surface, strike, tenors[j + 1]) - Call(surface, strike, tenors[j]);
                Assert.True(spread >= -1e-9 * f1, $"K = {strike:F0}, T {tenors[j]:F5} → {tenors[j + 1]:F5}: calendar spread {spread}");
            }
        }

        Assert.True(calendarPairs > 0);
        foreach (double t in tenors)
        {
            // Durrleman's g ≥ 0 on the interpolated (or extrapolated) smile, by finite differences of w in k.
            const double h = 1e-4;
            foreach (double x in k)
            {
                double w = surface.TotalVariance(x, t), wUp = surface.TotalVariance(x + h, t), wDown = surface.TotalVariance(x - h, t);
                double w1 = (wUp - wDown) / (2 * h), w2 = (wUp - 2 * w + wDown) / (h * h);
                double g = Math.Pow(1 - x * w1 / (2 * w), 2) - w1 * w1 / 4 * (1 / w + 0.25) + w2 / 2;
                Assert.True(g >= -1e-5, $"T = {t:F5}, k = {x:F3}: g = {g}");
            }
        }
    }

    private static VolatilitySurface Fit(string file, string currency, SurfaceModel model)
    {
        var path = Path.Combine(RepositoryPaths.RequireSharedDataDirectory(), "options", file);
        Requirement.Require(File.Exists(path), path, "see PROVENANCE.md §1");
        var (asOf, quotes) = DeribitSnapshotCsv.Read(path, currency);
        var result = new VolatilitySurfaceCalibrator(new SurfaceCalibrationOptions(model)).Calibrate(quotes, asOf);
        Assert.True(result.IsCalibrated, result.Reason);
        return result.Surface!;
    }

    /// <summary>The slice tenors, the midpoints between them, and points before the first and after the last slice.</summary>
    private static double[] DenseTenors(VolatilitySurface surface)
    {
        var t = surface.Slices.Select(s => s.TenorYears).ToList();
        var dense = new List<double> { 0.25 * t[0], 0.5 * t[0] };
        for (int i = 0; i < t.Count; i++)
        {
            dense.Add(t[i]);
            if (i + 1 < t.Count)
            {
                dense.AddRange(Enumerable.Range(1, 3).Select(j => t[i] + j * (t[i + 1] - t[i]) / 4));
            }
        }

        dense.AddRange([1.5 * t[^1], 3.0 * t[^1]]);
        return [.. dense];
    }

    private static double Call(VolatilitySurface surface, double strike, double tenorYears) =>
        BlackScholesMerton.Price(surface.Forward(tenorYears), strike, tenorYears, surface.LognormalVolAtStrike(strike, tenorYears), 1.0, true);

    private static string Report(VolatilitySurface surface, string file, string currency)
    {
        var table = new StringBuilder();
        var ssvi = surface.Ssvi?.Parameters.ToString() ?? "";
        table.AppendLine(CultureInfo.InvariantCulture, $"{surface.Model} {currency} {file} {ssvi} (total {surface.Elapsed.TotalMilliseconds:F1} ms)");
        table.AppendLine("| expiry | T (y) | points | RMSE vs mid (vp) | RMSE vs Deribit mark (vp) | max |err| vs mark (vp) | θ | ρ | ψ | min g |");
        table.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var s in surface.Slices)
        {
            var p = s.Parameters;
            double max = s.Points.Where(x => double.IsFinite(x.VenueMarkVol)).Select(x => Math.Abs(x.VenueDifferenceVolPoints)).DefaultIfEmpty(double.NaN).Max();
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.ExpiryUtc:yyyy-MM-dd} | {s.TenorYears:F4} | {s.Points.Length} | {s.RmseVolPoints:F3} | {s.VenueRmseVolPoints:F3} | {max:F2} | {p.TotalVariance(0.0):G4} | {p.Rho:F3} | {2 * p.B:G4} | {s.Butterfly.MinimumG:G3} |");
        }

        double maxAll = surface.Slices.SelectMany(s => s.Points).Where(x => double.IsFinite(x.VenueMarkVol)).Max(x => Math.Abs(x.VenueDifferenceVolPoints));
        table.AppendLine(CultureInfo.InvariantCulture,
            $"median slice RMSE vs mid {surface.MedianRmseVolPoints:F3} vp, vs Deribit mark {Median(surface.Slices.Select(s => s.VenueRmseVolPoints)):F3} vp; " +
            $"max |error| vs mark {maxAll:F2} vp; butterfly violations {surface.Arbitrage.Butterfly.Count(b => !b.IsArbitrageFree)}, calendar violations {surface.Arbitrage.Calendar.Length}");
        return table.ToString();
    }

    private static double Median(IEnumerable<double> values)
    {
        var a = values.Where(double.IsFinite).Order().ToArray();
        return a.Length % 2 == 1 ? a[a.Length / 2] : 0.5 * (a[a.Length / 2 - 1] + a[a.Length / 2]);
    }
}
