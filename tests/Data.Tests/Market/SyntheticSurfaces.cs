using Analytics.Pricing;
using Analytics.Pricing.Black;
using Analytics.Pricing.Market;
using Analytics.Pricing.Surfaces;

namespace Analytics.Data.Tests.Market;

/// <summary>Surfaces fitted to quotes priced (Black-76, DF = 1) from known raw SVI slices: the fit itself is not under test here.</summary>
internal static class SyntheticSurfaces
{
    public static readonly DateTimeOffset AsOf = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    public const double Forward = 3000;

    private static readonly DateTimeOffset[] Expiries = [AsOf.AddDays(30), AsOf.AddDays(91), AsOf.AddDays(182)];

    private static readonly (double A, double B, double Rho, double M, double Sigma)[] Svi =
    [
        (0.02, 0.10, -0.30, 0.00, 0.15),
        (0.05, 0.14, -0.30, 0.02, 0.20),
        (0.10, 0.18, -0.30, 0.04, 0.25),
    ];

    /// <summary>Out-of-the-money calls and puts on strikes 1800–4800 (step 150), bid/ask ±0.25 % around the SVI price.</summary>
    public static List<SurfaceQuote> Quotes()
    {
        var quotes = new List<SurfaceQuote>();
        for (var e = 0; e < Expiries.Length; e++)
        {
            var t = YearFraction.Act365F(AsOf, Expiries[e]);
            var (a, b, rho, m, sigma) = Svi[e];
            for (var strike = 1800.0; strike <= 4800; strike += 150)
            {
                var isCall = strike >= Forward;
                var k = Math.Log(strike / Forward);
                var vol = Math.Sqrt((a + b * (rho * (k - m) + Math.Sqrt((k - m) * (k - m) + sigma * sigma))) / t);
                var price = BlackScholesMerton.Price(Forward, strike, t, vol, 1.0, isCall);
                quotes.Add(new SurfaceQuote(Expiries[e], strike, isCall ? OptionRight.Call : OptionRight.Put, price * 0.9975, price * 1.0025,
                    UnderlyingPrice: Forward, VenueMarkVol: e == 0 ? vol : null));
            }
        }
        return quotes;
    }

    public static VolatilitySurface Fit(SurfaceModel model) =>
        new VolatilitySurfaceCalibrator(new SurfaceCalibrationOptions(model)).Calibrate(Quotes(), AsOf).Surface
        ?? throw new InvalidOperationException("The synthetic quotes did not fit.");
}
