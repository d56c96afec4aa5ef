using Analytics.Pricing.American;
using Analytics.Pricing.Black;
using Analytics.Pricing.QuantLib;

namespace Analytics.Pricing.Tests.QuantLibCrossCheck;

/// <summary>Our American engines against QuantLib's, row by row of <see cref="AmericanGrid"/>.</summary>
public sealed partial class QuantLibAmericanCrossCheckTests
{
    private const int FineFdGrid = 4000;

    [Theory]
    [MemberData(nameof(AmericanGrid))]
    public void OurBaw_AmericanGrid_MatchesQuantLibBaw(
        OptionRight right, double spot, double strike, double tenorYears, double vol, double rate, double dividendYield)
    {
        QuantLibRequirement.Require();
        var inputs = BlackVanillaOptionInputs.WithDividendYield(right, spot, strike, tenorYears, vol, rate, dividendYield);

        var ours = BaroneAdesiWhaleyPricer.Default.Price(inputs).Price;
        var quantLib = Price(inputs, QuantLibEngine.QuantLibBaw);

        // The same approximation (Barone-Adesi & Whaley 1987): they differ only by the critical-price solver's
        // tolerance (QuantLib iterates to 1e-6, ours to 1e-13).
        Assert.True(Math.Abs(ours - quantLib) <= 1e-5 * strike, $"ours {ours:R}, QuantLib {quantLib:R}, difference {ours - quantLib:E2}");
    }

    [Theory]
    [MemberData(nameof(AmericanGrid))]
    public void OurBinomial_AmericanGrid_MatchesQuantLibFd(
        OptionRight right, double spot, double strike, double tenorYears, double vol, double rate, double dividendYield)
    {
        QuantLibRequirement.Require();
        var inputs = BlackVanillaOptionInputs.WithDividendYield(right, spot, strike, tenorYears, vol, rate, dividendYield);

        var ours = BinomialAmericanPricer.Default.Price(inputs).Price;
        // QuantLib's Douglas FD converges at about first order here (the service's 200 × 200 engine is ~2e-3 away,
        // 1,000 × 1,000 ~3e-4), so the reference is the Richardson extrapolation of two fine grids, 2·P(2n) − P(n).
        var coarse = QuantLibGateway.Instance.PriceAmericanFdOnGrid(inputs, timeSteps: FineFdGrid / 2, spacePoints: FineFdGrid / 2);
        var fine = QuantLibGateway.Instance.PriceAmericanFdOnGrid(inputs, timeSteps: FineFdGrid, spacePoints: FineFdGrid);
        var quantLib = 2 * fine - coarse;

        // Two convergent methods (our Broadie-Detemple binomial, QuantLib's FD): issue #4 asks for 1e-4 in price on
        // standard cases, i.e. 1e-6 of the strike for these 100-strike rows.
        Assert.True(Math.Abs(ours - quantLib) <= 1e-6 * strike, $"ours {ours:R}, QuantLib FD {quantLib:R}, difference {ours - quantLib:E2}");
    }

    [Theory]
    [MemberData(nameof(AmericanGrid))]
    public void OurBjerksundStensland2002_AmericanGrid_IsCloseToQuantLibFd(
        OptionRight right, double spot, double strike, double tenorYears, double vol, double rate, double dividendYield)
    {
        QuantLibRequirement.Require();
        var inputs = BlackVanillaOptionInputs.WithDividendYield(right, spot, strike, tenorYears, vol, rate, dividendYield);

        var ours = BjerksundStensland2002Pricer.Default.Price(inputs).Price;
        var quantLib = QuantLibReference(right, spot, strike, tenorYears, vol, rate, dividendYield).Price;

        // An approximation against a convergent method: Haug (2007) table 3-2 shows Bjerksund-Stensland 2002 within a
        // few cents of the binomial value for 100-strike options; 1 % of the strike bounds that.
        Assert.True(Math.Abs(ours - quantLib) <= 1e-2 * strike, $"ours {ours:R}, QuantLib FD {quantLib:R}");
        Assert.True(ours <= quantLib + 1e-6 * strike, "Bjerksund-Stensland is a lower bound of the American value");
    }
}
