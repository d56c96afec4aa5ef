using Analytics.Pricing.Black;

namespace Analytics.Pricing.Tests.Black;

/// <summary>
/// Model-free identities and limits of the generalised BSM price (Hull, <i>Options, Futures, and Other
/// Derivatives</i>, 8th ed., ch. 11 bounds and put-call parity; Haug 2007, §1.1.6), and argument guards.
/// </summary>
public sealed class BlackVanillaOptionPricerPropertyTests
{
    public static TheoryData<double, double, double, double, double> ParityGrid()
    {
        var data = new TheoryData<double, double, double, double, double>();
        foreach (double strike in new[] { 1.0, 60.0, 100.0, 140.0, 1000.0 })
        foreach (double tenor in new[] { 1e-4, 0.25, 2.0, 10.0 })
        foreach (double vol in new[] { 0.01, 0.2, 1.5 })
        foreach (double rate in new[] { -0.01, 0.05 })
        foreach (double carry in new[] { -0.1, 0.0, 0.08 })
        {
            data.Add(strike, tenor, vol, rate, carry);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ParityGrid))]
    public void Price_CallMinusPut_EqualsDiscountedForwardMinusStrike(
        double strike, double tenorYears, double volatility, double rate, double costOfCarry)
    {
        var call = new BlackVanillaOptionInputs(OptionRight.Call, 100.0, strike, tenorYears, volatility, rate, costOfCarry, CarryConvention.Fixed);
        var c = BlackVanillaOptionPricer.Default.Price(call);
        var p = BlackVanillaOptionPricer.Default.Price(call with { Right = OptionRight.Put });

        double parity = c.DiscountFactor * (c.Forward - strike);
        double scale = c.DiscountFactor * Math.Max(c.Forward, strike);
        Assert.True(Math.Abs(c.Price - p.Price - parity) <= 4e-15 * scale, $"C − P = {c.Price - p.Price:R}, DF(F − K) = {parity:R}");

        // Greeks obey the differentiated parity: ΔC − ΔP = e^{(b−r)T}, equal gamma and vega.
        Assert.Equal(Math.Exp((costOfCarry - rate) * tenorYears), c.Greeks.Delta - p.Greeks.Delta, 1e-14);
        Assert.Equal(c.Greeks.Gamma, p.Greeks.Gamma);
        Assert.Equal(c.Greeks.Vega, p.Greeks.Vega);
    }

    [Theory]
    [InlineData(OptionRight.Call, 110.0, 100.0)]
    [InlineData(OptionRight.Call, 90.0, 100.0)]
    [InlineData(OptionRight.Put, 90.0, 100.0)]
    [InlineData(OptionRight.Put, 110.0, 100.0)]
    public void Price_TenorTendsToZero_GivesIntrinsic(OptionRight right, double spot, double strike)
    {
        var inputs = new BlackVanillaOptionInputs(right, spot, strike, 1e-12, 0.5, 0.05, 0.03, CarryConvention.RateMinusDividendYield);

        double price = BlackVanillaOptionPricer.Default.Price(inputs).Price;

        double intrinsic = Math.Max(right == OptionRight.Call ? spot - strike : strike - spot, 0.0);
        Assert.Equal(intrinsic, price, 1e-9);
    }

    [Theory]
    [InlineData(0.0, 0.05)]
    [InlineData(0.08, 0.02)]
    [InlineData(-0.03, 0.0)]
    public void Price_VolatilityTendsToInfinity_ApproachesUpperBounds(double costOfCarry, double rate)
    {
        // σ√T = 60: calls tend to S·e^{(b−r)T}, puts to K·e^{−rT} (Hull ch. 11 upper bounds).
        var call = new BlackVanillaOptionInputs(OptionRight.Call, 100.0, 120.0, 1.0, 60.0, rate, costOfCarry, CarryConvention.Fixed);

        double callPrice = BlackVanillaOptionPricer.Default.Price(call).Price;
        double putPrice = BlackVanillaOptionPricer.Default.Price(call with { Right = OptionRight.Put }).Price;

        Assert.Equal(100.0 * Math.Exp(costOfCarry - rate), callPrice, 1e-10);
        Assert.Equal(120.0 * Math.Exp(-rate), putPrice, 1e-10);
        Assert.True(callPrice <= 100.0 * Math.Exp(costOfCarry - rate));
    }

    [Fact]
    public void Price_Black76OnForward_EqualsSpotFormWithCarryZero()
    {
        var onForward = BlackVanillaOptionInputs.OnForward(OptionRight.Call, 2500.0, 2600.0, 0.3, 0.7, 0.045);
        var result = BlackVanillaOptionPricer.Default.Price(onForward);

        Assert.Equal(0.0, onForward.CostOfCarry);
        Assert.Equal(CarryConvention.Fixed, onForward.CarryConvention);
        Assert.Equal(BlackScholesMerton.Price(2500.0, 2600.0, 0.3, 0.7, Math.Exp(-0.045 * 0.3), true), result.Price, 1e-12);
        Assert.Equal(-0.3 * result.Price, result.Greeks.Rho, 1e-12);
    }

    [Fact]
    public void Theta_LongAtTheMoneyOption_IsNegative()
    {
        var inputs = BlackVanillaOptionInputs.WithDividendYield(OptionRight.Call, 100, 100, 0.5, 0.3, 0.01, 0.0);
        Assert.True(BlackVanillaOptionPricer.Default.Price(inputs).Greeks.Theta < 0.0);
    }

    public static TheoryData<double, double, double, double, double, double> InvalidInputs => new()
    {
        // spot, strike, tenorYears, volatility, rate, costOfCarry
        { 0.0, 100, 1, 0.2, 0.01, 0.0 },
        { -1.0, 100, 1, 0.2, 0.01, 0.0 },
        { double.NaN, 100, 1, 0.2, 0.01, 0.0 },
        { double.PositiveInfinity, 100, 1, 0.2, 0.01, 0.0 },
        { 100, 0.0, 1, 0.2, 0.01, 0.0 },
        { 100, double.NaN, 1, 0.2, 0.01, 0.0 },
        { 100, 100, 0.0, 0.2, 0.01, 0.0 },
        { 100, 100, -0.5, 0.2, 0.01, 0.0 },
        { 100, 100, double.PositiveInfinity, 0.2, 0.01, 0.0 },
        { 100, 100, 1, 0.0, 0.01, 0.0 },
        { 100, 100, 1, -0.2, 0.01, 0.0 },
        { 100, 100, 1, double.NaN, 0.01, 0.0 },
        { 100, 100, 1, 0.2, double.NaN, 0.0 },
        { 100, 100, 1, 0.2, double.NegativeInfinity, 0.0 },
        { 100, 100, 1, 0.2, 0.01, double.NaN },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public void Constructor_InvalidInput_ThrowsArgumentOutOfRange(
        double spot, double strike, double tenorYears, double volatility, double rate, double costOfCarry)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new BlackVanillaOptionInputs(OptionRight.Call, spot, strike, tenorYears, volatility, rate, costOfCarry, CarryConvention.Fixed));
    }

    [Fact]
    public void With_InvalidValue_ThrowsArgumentOutOfRange()
    {
        var valid = BlackVanillaOptionInputs.WithDividendYield(OptionRight.Put, 100, 100, 1, 0.2, 0.01, 0.0);

        Assert.Throws<ArgumentOutOfRangeException>(() => valid with { Volatility = 0.0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => valid with { TenorYears = double.NaN });
        Assert.Throws<ArgumentOutOfRangeException>(() => valid with { Right = (OptionRight)7 });
        Assert.Throws<ArgumentOutOfRangeException>(() => valid with { CarryConvention = (CarryConvention)7 });
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            BlackVanillaOptionInputs.WithDividendYield(OptionRight.Put, 100, 100, 1, 0.2, 0.01, double.NaN));
    }

    [Theory]
    [InlineData(0.0, 100, 1, 0.2, 1.0)]
    [InlineData(100, -1, 1, 0.2, 1.0)]
    [InlineData(100, 100, 0.0, 0.2, 1.0)]
    [InlineData(100, 100, 1, 0.0, 1.0)]
    [InlineData(100, 100, 1, 0.2, 0.0)]
    [InlineData(100, 100, 1, 0.2, double.NaN)]
    [InlineData(double.PositiveInfinity, 100, 1, 0.2, 1.0)]
    public void FormulaPrice_InvalidInput_ThrowsArgumentOutOfRange(
        double forward, double strike, double tenorYears, double volatility, double discountFactor)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            BlackScholesMerton.Price(forward, strike, tenorYears, volatility, discountFactor, isCall: true));
    }

    [Fact]
    public void Price_NullInputs_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => BlackVanillaOptionPricer.Default.Price(null!));
    }
}
