using Analytics.Pricing.ImpliedVol;
using Analytics.Pricing.Tests.Support;

namespace Analytics.Pricing.Tests.ImpliedVol;

/// <summary>
/// Published reference values and an independent high-precision check of the normalised Black function.
/// py_lets_be_rational rows: vollib/py_lets_be_rational, <c>tests/TestValues.json</c> (the regression values that
/// py_vollib's Let's-Be-Rational back end is tested against), inputs (q, F, K, T, σ, x, s) and outputs
/// <c>black</c>, <c>normalised_black</c> and the implied vols, quoted to 17 significant digits.
/// </summary>
public sealed class ImpliedVolatilityReferenceTests
{
    /// <summary>(right, forward, strike, tenorYears, vol, price "black", tolerance on the recovered vol).</summary>
    public static TheoryData<OptionRight, double, double, double, double, double, double> PyLetsBeRationalBlackRows() => new()
    {
        // TestValues.json input {q: 1, F: 394, K: 914, T: 0.05, sigma: 0.9876867190198251}, output black 0.002149286481355785.
        { OptionRight.Call, 394.0, 914.0, 0.05, 0.9876867190198251, 0.002149286481355785, 1e-13 },
        // {q: -1, F: 739, K: 621, T: 1.58, sigma: 0.7117423690230213}, black 179.9692100206343.
        { OptionRight.Put, 739.0, 621.0, 1.58, 0.7117423690230213, 179.9692100206343, 1e-13 },
        // {q: 1, F: 153, K: 167, T: 0.42, sigma: 0.5171615723663934}, black 15.008924232743711.
        { OptionRight.Call, 153.0, 167.0, 0.42, 0.5171615723663934, 15.008924232743711, 1e-13 },
        // {q: -1, F: 364, K: 185, T: 1.8, sigma: 0.6042674860264751}, black 22.63785061496219.
        { OptionRight.Put, 364.0, 185.0, 1.8, 0.6042674860264751, 22.63785061496219, 1e-13 },
        // {q: 1, F: 866, K: 824, T: 0.69, sigma: 0.7462799133486078}, black 227.31598336451884 (in the money).
        { OptionRight.Call, 866.0, 824.0, 0.69, 0.7462799133486078, 227.31598336451884, 1e-13 },
        // {q: -1, F: 80, K: 176, T: 1.01, sigma: 0.7549341698056111}, black 102.64332748181481: deep in the money,
        // time value ≈ 6.6 of 102.6; py_lets_be_rational itself recovers 0.7549341698056115.
        { OptionRight.Put, 80.0, 176.0, 1.01, 0.7549341698056111, 102.64332748181481, 1e-13 },
    };

    /// <summary>(normalised x, s, call?, normalised_black β, tolerance on β).</summary>
    public static TheoryData<double, double, bool, double, double> PyLetsBeRationalNormalisedRows() => new()
    {
        // TestValues.json {q: 1, x: 0.18531016485118368, s: 0.21330473734617128}: normalised_black 0.20817440414986307.
        { 0.18531016485118368, 0.21330473734617128, true, 0.20817440414986307, 4e-16 },
        // {q: -1, x: 0.3902398035466289, s: 0.2959922245249166}: 0.012858763066234529.
        { 0.3902398035466289, 0.2959922245249166, false, 0.012858763066234529, 4e-15 },
        // {q: 1, x: 0.48434722294650623, s: 0.981739484059343}: 0.6737464874335769.
        { 0.48434722294650623, 0.981739484059343, true, 0.6737464874335769, 4e-16 },
        // {q: -1, x: 0.8737081160977914, s: 0.9696275215246688}: 0.0904636218401399.
        { 0.8737081160977914, 0.9696275215246688, false, 0.0904636218401399, 4e-15 },
        // {q: -1, x: 0.4419406300835974, s: 0.02780307341206323}: 5.918108361982047e-60 (asymptotic region, h ≈ −15.9).
        { 0.4419406300835974, 0.02780307341206323, false, 5.918108361982047e-60, 1e-13 },
    };

    [Theory]
    [MemberData(nameof(PyLetsBeRationalBlackRows))]
    public void SolveBlack76_PyLetsBeRationalPrice_RecoversPublishedVol(
        OptionRight right, double forward, double strike, double tenorYears, double vol, double price, double tolerance)
    {
        ImpliedVolResult result = ImpliedVolatility.SolveBlack76(price, forward, strike, tenorYears, 1.0, right);

        Assert.True(result.IsSolved, result.Reason);
        Assert.True(Math.Abs(result.LognormalVol - vol) <= tolerance * vol, $"σ̂ = {result.LognormalVol:R}, published σ = {vol:R}");
    }

    [Theory]
    [MemberData(nameof(PyLetsBeRationalNormalisedRows))]
    public void NormalisedBlackCall_PyLetsBeRationalRow_MatchesPublishedValueAndInverts(
        double x, double stdDev, bool isCall, double beta, double tolerance)
    {
        double value = NormalisedBlack.Call(isCall ? x : -x, stdDev);

        Assert.True(Math.Abs(value - beta) <= tolerance * beta, $"b = {value:R}, published {beta:R}");
        double otmX = -Math.Abs(x);
        double otmBeta = (isCall ? x : -x) > 0.0 ? beta - NormalisedBlack.Intrinsic(Math.Abs(x)) : beta;
        double recovered = LetsBeRational.NormalisedVolatility(otmBeta, otmX, LetsBeRational.DefaultMaximumIterations, out _);
        double kappa = otmBeta / (stdDev * NormalisedBlack.Vega(otmX, stdDev));
        Assert.True(Math.Abs(recovered - stdDev) <= Math.Max(1e-13, 16 * 2.2e-16 * (1 + kappa * beta / otmBeta)) * stdDev,
            $"s = {recovered:R}, published {stdDev:R}");
    }

    /// <summary>(x = ln(F/K), s) in each of Jäckel's four evaluation regions (2016, §3) and at their borders.</summary>
    public static TheoryData<double, double> RegionPoints() => new()
    {
        { -0.5, 0.02 }, { -1.2, 0.4 }, { -0.1, 1.0 }, { -3.0, 0.1 }, // small t, erfcx, direct, small t with h = −30
        { -8.0, 0.5 }, { -20.0, 0.9 }, { -30.0, 0.8 },               // asymptotic h ≤ −10 with t above τ
        { -1e-4, 1e-4 }, { -2.1, 0.42 }, { -0.42, 0.42 },           // one-hour tenor; borders t = τ, h + t = 0.85
        { 0.0, 0.3 }, { 0.0, 5.0 }, { 1.5, 0.3 }, { 40.0, 2.0 },     // at the money and in the money (x > 0)
        { -60.0, 1.8 }, { -70.0, 1.9 },                              // b ≈ 1e-250 and 1e-300: deep-wing floor
    };

    [Theory]
    [InlineData(-0.001)] // s_c below 2τ: the general evaluation
    [InlineData(-0.05)]
    [InlineData(-0.2)]
    [InlineData(-1.0)]
    [InlineData(-7.5)]
    [InlineData(-60.0)]
    [InlineData(-500.0)]
    public void NormalisedBlackAtInflection_MatchesSevenHundredDigitReferenceAndTheGeneralEvaluation(double x)
    {
        double strike = Math.Exp(-x);
        double xOfDoubles = ImpliedVolatilityRoundTripTests.LogMoneyness(1.0, strike);
        double sC = Math.Sqrt(Math.Abs(2.0 * xOfDoubles));
        double bMax = Math.Exp(0.5 * xOfDoubles);
        double reference = HighPrecision.BlackPrice(1.0, strike, sC, true) / Math.Sqrt(strike);

        double value = NormalisedBlack.AtInflection(xOfDoubles, sC, bMax, out double vega);
        double general = NormalisedBlack.OutOfTheMoneyCall(xOfDoubles, sC, bMax, out double generalVega);

        // At s_c, h = −t, so the conditioning is that of the region points with h² = |x|/2.
        double tolerance = 2.2e-16 * (8.0 + Math.Abs(xOfDoubles) + sC * sC);
        Assert.True(Math.Abs(value - reference) <= tolerance * reference, $"b = {value:R}, reference {reference:R}");
        Assert.Equal(general, value, general * tolerance);
        Assert.Equal(generalVega, vega, generalVega * tolerance);
    }

    [Theory]
    [MemberData(nameof(RegionPoints))]
    public void NormalisedBlackCall_EachRegion_MatchesSevenHundredDigitReference(double x, double stdDev)
    {
        // Forward 1 and strike e^{−x} as doubles; the reference prices exactly those doubles.
        double strike = Math.Exp(-x);
        double xOfDoubles = ImpliedVolatilityRoundTripTests.LogMoneyness(1.0, strike);
        double reference = HighPrecision.BlackPrice(1.0, strike, stdDev, true) / Math.Sqrt(strike);

        double value = NormalisedBlack.Call(xOfDoubles, stdDev);

        // Relative tolerance: the conditioning of b in x (≈ h²·ε from rounding ln(F/K)) plus a few ε.
        double h = x / stdDev;
        double tolerance = 2.2e-16 * (8.0 + 2.0 * h * h + stdDev * stdDev);
        Assert.True(Math.Abs(value - reference) <= tolerance * reference,
            $"b = {value:R}, reference {reference:R}, relative error {Math.Abs(value / reference - 1):E2}");
    }
}
