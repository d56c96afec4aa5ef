using Analytics.Pricing.Black;

namespace Analytics.Pricing.Tests.American;

/// <summary>Shared construction of test inputs in the (type, strike, spot, q, r, t, vol) order of QuantLib's tables.</summary>
internal static class AmericanTestData
{
    /// <summary>Merton inputs b = r − q with q fixed.</summary>
    internal static BlackVanillaOptionInputs Inputs(OptionRight right, double strike, double spot, double q, double r, double t, double vol) =>
        BlackVanillaOptionInputs.WithDividendYield(right, spot, strike, t, vol, r, q);

    /// <summary>
    /// QuantLib's tests place expiry at today + lround(360·t) days and measure it Actual/360
    /// (test-suite/utilities.hpp <c>timeToDays</c>), so 0.0833 is exactly 30/360 = 1/12.
    /// </summary>
    internal static double QuantLibTime(double t) => Math.Round(t * 360.0, MidpointRounding.AwayFromZero) / 360.0;
}
