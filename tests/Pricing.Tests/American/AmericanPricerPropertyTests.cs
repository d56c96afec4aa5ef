using Analytics.Pricing.American;
using Analytics.Pricing.Black;
using Analytics.Pricing.Engines;
using static Analytics.Pricing.Tests.American.AmericanTestData;

namespace Analytics.Pricing.Tests.American;

/// <summary>
/// No-arbitrage bounds, monotonicity, limits and the early-exercise rule for all three American engines
/// (Merton 1973; Haug 2007 §3.1, §3.4).
/// </summary>
public sealed class AmericanPricerPropertyTests
{
    public static TheoryData<string> Engines => new() { "BjerksundStensland", "BaroneAdesiWhaley", "Binomial" };

    private static readonly BinomialAmericanPricer FastLattice = new(200);

    private static AmericanOptionResult Price(string engine, BlackVanillaOptionInputs inputs) => engine switch
    {
        "BjerksundStensland" => BjerksundStensland2002Pricer.Default.Price(inputs),
        "BaroneAdesiWhaley" => BaroneAdesiWhaleyPricer.Default.Price(inputs),
        _ => BinomialAmericanPricer.Default.Price(inputs),
    };

    private static double PresentValue(string engine, BlackVanillaOptionInputs inputs) => engine switch
    {
        "BjerksundStensland" => BjerksundStensland2002Pricer.Default.PresentValue(inputs),
        "BaroneAdesiWhaley" => BaroneAdesiWhaleyPricer.Default.PresentValue(inputs),
        _ => FastLattice.PresentValue(inputs),
    };

    [Theory]
    [MemberData(nameof(Engines))]
    public void PresentValue_Grid_AtLeastEuropeanAndIntrinsic(string engine)
    {
        foreach (var right in new[] { OptionRight.Call, OptionRight.Put })
        foreach (double spot in new[] { 60.0, 90.0, 100.0, 110.0, 160.0 })
        foreach (double vol in new[] { 0.05, 0.3, 1.0 })
        foreach (double t in new[] { 0.05, 1.0, 4.0 })
        foreach (var (r, q) in new[] { (0.05, 0.0), (0.05, 0.1), (0.0, 0.03), (0.02, -0.06), (-0.01, 0.01), (-0.01, -0.03) })
        {
            var inputs = Inputs(right, 100.0, spot, q, r, t, vol);
            double american = PresentValue(engine, inputs);
            double european = BlackVanillaOptionPricer.Default.Price(inputs).Price;
            double intrinsic = Math.Max(right == OptionRight.Call ? spot - 100.0 : 100.0 - spot, 0.0);
            string where = $"{right} S={spot} σ={vol} T={t} r={r} q={q}: American {american:R}, European {european:R}";
            Assert.True(american >= european - 1e-10 * (1 + european), where);
            Assert.True(american >= intrinsic - 1e-10, where);
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void PresentValue_MonotoneInSpotStrikeAndVolatility(string engine)
    {
        foreach (var right in new[] { OptionRight.Call, OptionRight.Put })
        {
            double sign = right == OptionRight.Call ? 1.0 : -1.0;
            double previous = double.NaN;
            for (double spot = 70.0; spot <= 130.0; spot += 5.0)
            {
                double price = PresentValue(engine, Inputs(right, 100.0, spot, 0.04, 0.06, 0.75, 0.3));
                Assert.True(double.IsNaN(previous) || sign * (price - previous) >= -1e-12, $"{right} not monotone in spot at {spot}");
                previous = price;
            }

            previous = double.NaN;
            for (double strike = 70.0; strike <= 130.0; strike += 5.0)
            {
                double price = PresentValue(engine, Inputs(right, strike, 100.0, 0.04, 0.06, 0.75, 0.3));
                Assert.True(double.IsNaN(previous) || sign * (previous - price) >= -1e-12, $"{right} not monotone in strike at {strike}");
                previous = price;
            }

            previous = double.NaN;
            for (double vol = 0.05; vol <= 1.5; vol += 0.05)
            {
                double price = PresentValue(engine, Inputs(right, 100.0, 95.0, 0.04, 0.06, 0.75, vol));
                Assert.True(double.IsNaN(previous) || price - previous >= -1e-12, $"{right} not increasing in vol at {vol}");
                previous = price;
            }
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Price_CallWithCarryAtLeastRate_EqualsEuropeanExactly(string engine)
    {
        foreach (var (r, b) in new[] { (0.05, 0.05), (0.05, 0.08), (0.0, 0.0), (0.0, 0.2) })
        {
            var inputs = new BlackVanillaOptionInputs(OptionRight.Call, 105.0, 100.0, 0.8, 0.35, r, b, CarryConvention.Fixed);
            var european = BlackVanillaOptionPricer.Default.Price(inputs);

            var result = Price(engine, inputs);

            Assert.Equal(european.Price, result.Price);
            Assert.Equal(european.Greeks, result.Greeks);
            Assert.Equal(european.Price, PresentValue(engine, inputs));
            Assert.Equal(GreeksMethod.ClosedForm, result.GreeksMethod);
            Assert.Equal(AmericanExerciseRegime.NeverExerciseEarly, result.Regime);
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Price_PutWithNonPositiveRateAndCarryBelowIt_EqualsEuropean(string engine)
    {
        var inputs = new BlackVanillaOptionInputs(OptionRight.Put, 95.0, 100.0, 0.8, 0.35, -0.01, -0.03, CarryConvention.Fixed);
        Assert.Equal(BlackVanillaOptionPricer.Default.Price(inputs).Price, Price(engine, inputs).Price);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void PresentValue_TenorToZero_TendsToIntrinsic(string engine)
    {
        foreach (var (right, spot) in new[] { (OptionRight.Call, 110.0), (OptionRight.Call, 90.0), (OptionRight.Put, 90.0), (OptionRight.Put, 110.0) })
        {
            double intrinsic = Math.Max(right == OptionRight.Call ? spot - 100.0 : 100.0 - spot, 0.0);
            // With q > r the European put is worth K·e^{−rT} − S·e^{−qT} > K − S, so the limit is reached at O(T).
            double price = PresentValue(engine, Inputs(right, 100.0, spot, 0.08, 0.05, 1e-6, 0.3));
            Assert.True(Math.Abs(price - intrinsic) < 1e-5, $"{right} S={spot}: {price:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Price_DeepInTheMoneyPut_ImmediateExercise(string engine)
    {
        var result = Price(engine, Inputs(OptionRight.Put, 100.0, 50.0, 0.0, 0.08, 1.0, 0.2));
        Assert.Equal(50.0, result.Price, 12);
        Assert.Equal(AmericanExerciseRegime.ImmediateExercise, result.Regime);
        Assert.Equal(-1.0, result.Greeks.Delta, 6);
    }

    [Fact]
    public void Price_BjerksundStensland_PutEqualsTransformedCall()
    {
        // P(S, K, T, r, b, σ) = C(K, S, T, r − b, −b, σ) (Bjerksund and Stensland 1993; Haug 2007, §3.4).
        foreach (var (spot, strike, r, b) in new[] { (90.0, 100.0, 0.06, 0.02), (110.0, 100.0, 0.03, -0.05), (100.0, 120.0, 0.08, 0.12) })
        {
            double put = BjerksundStensland2002Pricer.Default.PresentValue(
                new BlackVanillaOptionInputs(OptionRight.Put, spot, strike, 0.7, 0.3, r, b, CarryConvention.Fixed));
            double call = BjerksundStensland2002Pricer.Default.PresentValue(
                new BlackVanillaOptionInputs(OptionRight.Call, strike, spot, 0.7, 0.3, r - b, -b, CarryConvention.Fixed));
            Assert.Equal(call, put, 12);
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Price_NegativeRateCallWithoutDividend_ExercisedDeepInTheMoney(string engine)
    {
        // r < 0, b = r: paying K later costs K·e^{−rT} > K, so a deep call is worth its intrinsic value, above
        // the European price; the approximations hand this double-boundary case to the lattice.
        var inputs = new BlackVanillaOptionInputs(OptionRight.Call, 200.0, 100.0, 2.0, 0.2, -0.03, -0.03, CarryConvention.Fixed);
        var result = Price(engine, inputs);
        Assert.True(result.Price >= 100.0 - 1e-9 && result.EuropeanPrice < 100.0, $"{result.Price} vs European {result.EuropeanPrice}");
        Assert.Equal(GreeksMethod.Lattice, result.GreeksMethod);
    }

    [Fact]
    public void Constructor_TooFewSteps_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BinomialAmericanPricer(BinomialAmericanPricer.MinimumSteps - 1));
        Assert.Throws<ArgumentNullException>(() => BjerksundStensland2002Pricer.Default.Price(null!));
    }
}
