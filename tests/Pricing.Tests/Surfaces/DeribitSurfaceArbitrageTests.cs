using Analytics.Pricing.Black;
using Analytics.Pricing.Surfaces;

namespace Analytics.Pricing.Tests.Surfaces;

/// <summary>
/// Issue 13 item 4 on the five Deribit boards (<see cref="DeribitBoards"/>): the default raw SVI surface, after its butterfly
/// and calendar repairs, has no static arbitrage. Checked here independently of <see cref="ArbitrageDiagnostics"/>'s own grid:
/// Durrleman's g(k) ≥ 0 (Gatheral &amp; Jacquier 2014, Lemma 2.2) and total variance non-decreasing in tenor (their Lemma 2.1)
/// on 4,001-point grids, Lee's wing bound and wing slopes non-decreasing in tenor, and the prices themselves: Black-76 (r = 0)
/// call butterflies C(K − h) − 2C(K) + C(K + h) and same-strike calendar spreads never negative over the quoted range.
/// </summary>
public sealed class DeribitSurfaceArbitrageTests
{
    private const int DenseGridPoints = 4_001;

    public static TheoryData<string, string> Boards() => DeribitBoards.All();

    [Theory]
    [MemberData(nameof(Boards))]
    public void Calibrate_DeribitBoard_NoButterflyOrCalendarArbitrageOnDenseGrid(string file, string currency)
    {
        var surface = Fit(file, currency);

        Assert.Empty(surface.Arbitrage.Calendar);
        var grid = Uniform(surface.Arbitrage.CalendarGridFrom, surface.Arbitrage.CalendarGridTo, DenseGridPoints);
        foreach (var s in surface.Slices)
        {
            Assert.True(s.Butterfly.LeeWingBoundHolds, $"{s.ExpiryUtc:yyyy-MM-dd}: {s.Butterfly.Reason}");
            double minimumG = grid.Min(s.Parameters.DurrlemanG);
            Assert.True(minimumG >= -1e-12, $"{s.ExpiryUtc:yyyy-MM-dd}: g = {minimumG:G4} < 0");
        }

        for (int i = 0; i + 1 < surface.Slices.Length; i++)
        {
            var (near, far) = (surface.Slices[i].Parameters, surface.Slices[i + 1].Parameters);
            double worst = grid.Max(k => near.TotalVariance(k) - far.TotalVariance(k));
            Assert.True(worst <= 1e-12, $"{surface.Slices[i].ExpiryUtc:yyyy-MM-dd} above the next slice by {worst:G4} in total variance");
            Assert.True(near.LeftWingSlope <= far.LeftWingSlope && near.RightWingSlope <= far.RightWingSlope,
                $"{surface.Slices[i].ExpiryUtc:yyyy-MM-dd}: wing slopes fall with tenor (calendar arbitrage beyond the grid)");
        }
    }

    [Theory]
    [MemberData(nameof(Boards))]
    public void Calibrate_DeribitBoard_ButterfliesAndCalendarSpreadsNeverNegative(string file, string currency)
    {
        var surface = Fit(file, currency);

        foreach (var s in surface.Slices)
        {
            double h = 0.002 * s.Forward;
            foreach (double k in Uniform(s.QuotedRangeFrom, s.QuotedRangeTo, 201))
            {
                double strike = s.Forward * Math.Exp(k);
                double fly = Call(s, strike - h) - 2.0 * Call(s, strike) + Call(s, strike + h);
                Assert.True(fly >= -1e-12 * s.Forward, $"{s.ExpiryUtc:yyyy-MM-dd} K = {strike:F2}: butterfly {fly:G4} < 0");
            }
        }

        for (int i = 0; i + 1 < surface.Slices.Length; i++)
        {
            var (near, far) = (surface.Slices[i], surface.Slices[i + 1]);
            double from = Math.Min(near.QuotedRangeFrom, far.QuotedRangeFrom), to = Math.Max(near.QuotedRangeTo, far.QuotedRangeTo);
            foreach (double k in Uniform(from, to, 201))
            {
                // Same strike, far − near. With S_T = F_T·M_T (M a martingale), C_far(K) ≥ C_near(K) when F_far ≥ F_near and
                // P_far(K) ≥ P_near(K) when F_far ≤ F_near (Jensen, then monotonicity in F); Gatheral & Jacquier 2014, §2.
                double strike = near.Forward * Math.Exp(k);
                bool call = far.Forward >= near.Forward;
                double spread = Price(far, strike, call) - Price(near, strike, call);
                Assert.True(spread >= -1e-12 * far.Forward,
                    $"{near.ExpiryUtc:yyyy-MM-dd}/{far.ExpiryUtc:yyyy-MM-dd} K = {strike:F2}: {(call ? "call" : "put")} calendar spread {spread:G4} < 0");
            }
        }
    }

    private static VolatilitySurface Fit(string file, string currency)
    {
        var (asOf, quotes) = DeribitBoards.Load(file, currency);
        var result = VolatilitySurfaceCalibrator.Default.Calibrate(quotes, asOf);
        Assert.True(result.IsCalibrated, result.Reason);
        return result.Surface!;
    }

    private static double Call(SurfaceSlice s, double strike) => Price(s, strike, isCall: true);

    private static double Price(SurfaceSlice s, double strike, bool isCall) =>
        BlackScholesMerton.Price(s.Forward, strike, s.TenorYears, s.LognormalVolAtStrike(strike), 1.0, isCall);

    private static double[] Uniform(double from, double to, int points) =>
        Enumerable.Range(0, points).Select(i => from + (to - from) * i / (points - 1)).ToArray();
}
