using Analytics.Pricing.Black;
using Analytics.Pricing.ImpliedVol;

namespace Analytics.Pricing.Tests.ImpliedVol;

/// <summary>
/// Round trips price(σ) → implied vol over the domain of the issue: log-moneyness ln(F/K) from −10 to +10 standard
/// deviations, tenors from one hour to ten years, σ from 1 % to 500 %, calls and puts, and a deep-wing grid whose
/// prices reach 1e-300 of the forward. Prices come from the normalised Black function (checked against 700-digit
/// arithmetic in <see cref="ImpliedVolatilityReferenceTests"/>), so the only error left is the inversion's.
/// Tolerance: 1e-12 relative wherever the price carries that information, i.e. where the vol's condition number
/// κ = price/(σ·∂price/∂σ) gives (1 + κ)·ε ≤ 1e-13; elsewhere (deep in the money, near the upper bound) the
/// attainable 16·(1 + κ)·ε.
/// </summary>
public sealed class ImpliedVolatilityRoundTripTests(ITestOutputHelper output)
{
    private const double Epsilon = 2.220446049250313e-16;
    private const double Forward = 100.0;

    /// <summary>Beyond (1 + κ)·ε = 1e-4 the price pins the vol to fewer than four digits; at intrinsic it pins nothing.</summary>
    private const double NoInformation = 1e-4;

    private static readonly double[] Vols = [0.01, 0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.8, 1.2, 2.0, 3.0, 5.0];

    /// <summary>Tenors of the issue: 1 hour (Act/365F, 8760 h a year), 1 day, 1 week, 1, 3 months, 1, 3, 10 years.</summary>
    public static TheoryData<double> Tenors() => new(1.0 / 8760.0, 1.0 / 365.0, 7.0 / 365.0, 1.0 / 12.0, 0.25, 1.0, 3.0, 10.0);

    [Theory]
    [MemberData(nameof(Tenors))]
    public void SolveBlack76_GridOfMoneynessVolAndRight_RecoversVolToMachineAccuracy(double tenorYears)
    {
        const double discountFactor = 0.97;
        var worst = new WorstError();
        foreach (double vol in Vols)
        for (int step = -40; step <= 40; step++)
        foreach (OptionRight right in new[] { OptionRight.Call, OptionRight.Put })
        {
            double stdDev = vol * Math.Sqrt(tenorYears);
            double strike = Forward * Math.Exp(-0.25 * step * stdDev); // ln(F/K) = step/4 standard deviations
            double price = discountFactor * UndiscountedPrice(Forward, strike, stdDev, right);

            ImpliedVolResult result = ImpliedVolatility.SolveBlack76(price, Forward, strike, tenorYears, discountFactor, right);

            worst.Check(result, vol, Conditioning(Forward, strike, stdDev, price / discountFactor), $"K={strike:R} σ={vol} {right}");
        }

        output.WriteLine($"T = {tenorYears:R}: {worst}");
    }

    [Theory]
    [MemberData(nameof(Tenors))]
    public void SolveBlack76_DeepWingsDownToTenToTheMinus300_RecoversVol(double tenorYears)
    {
        // |ln(F/K)|/s up to 38 standard deviations: out-of-the-money prices from ~1e-1 down to 1e-300 of the forward.
        var worst = new WorstError();
        int pricesBelow1e200 = 0;
        foreach (double vol in Vols)
        for (double deviations = 10.0; deviations <= 38.0; deviations += 0.5)
        foreach (OptionRight right in new[] { OptionRight.Call, OptionRight.Put })
        {
            double stdDev = vol * Math.Sqrt(tenorYears);
            double logMoneyness = right == OptionRight.Call ? -deviations * stdDev : deviations * stdDev;
            double strike = Forward * Math.Exp(-logMoneyness);
            double price = UndiscountedPrice(Forward, strike, stdDev, right);
            if (!double.IsFinite(strike) || price < 1e-300 * Forward)
            {
                continue;
            }

            ImpliedVolResult result = ImpliedVolatility.SolveBlack76(price, Forward, strike, tenorYears, 1.0, right);
            if (price / (Math.Sqrt(Forward) * Math.Sqrt(strike)) < 2.2250738585072014e-308)
            {
                // Normalised by √(F·K) (far-away strikes) the price is subnormal: Jäckel's horizon, a typed result.
                Assert.Equal(ImpliedVolStatus.TimeValueTooSmall, result.Status);
                continue;
            }

            pricesBelow1e200 += price < 1e-200 * Forward ? 1 : 0;
            worst.Check(result, vol, Conditioning(Forward, strike, stdDev, price), $"K={strike:R} σ={vol} {right} price={price:R}");
        }

        output.WriteLine($"T = {tenorYears:R}: {worst}, {pricesBelow1e200} prices below 1e-200·F");
        Assert.True(pricesBelow1e200 > 0);
    }

    [Theory]
    [MemberData(nameof(Tenors))]
    public void Solve_GeneralisedBsmPricerRoundTrip_RecoversVol(double tenorYears)
    {
        // Prices from the production pricer (forward S·e^{bT}, DF e^{−rT}), moneyness within ±3 standard deviations.
        var worst = new WorstError();
        foreach (double vol in new[] { 0.05, 0.2, 0.8, 2.0 })
        for (int step = -12; step <= 12; step++)
        foreach (OptionRight right in new[] { OptionRight.Call, OptionRight.Put })
        {
            double stdDev = vol * Math.Sqrt(tenorYears);
            double strike = 100.0 * Math.Exp(-0.25 * step * stdDev);
            var inputs = BlackVanillaOptionInputs.WithDividendYield(right, 100.0, strike, tenorYears, vol, 0.05, 0.02);
            BlackVanillaOptionResult priced = BlackVanillaOptionPricer.Default.Price(inputs);
            double undiscounted = priced.Price / priced.DiscountFactor;

            ImpliedVolResult result = ImpliedVolatility.Solve(priced.Price, 100.0, strike, tenorYears, 0.05, 0.03, right);

            // The production pricer is accurate to ≈ (1 + d₂²)·ε relative where a = −d₂ ≥ 4 or σ√T is not tiny;
            // allow that on top of the conditioning of the inversion.
            double d2 = Math.Log(priced.Forward / strike) / stdDev - 0.5 * stdDev;
            double kappa = Conditioning(priced.Forward, strike, stdDev, undiscounted);
            worst.Check(result, vol, kappa * (1.0 + d2 * d2) / Math.Min(1.0, 1e3 * stdDev), $"K={strike:R} σ={vol} {right}");
        }

        output.WriteLine($"T = {tenorYears:R}: {worst}");
    }

    /// <summary>Undiscounted Black price from the normalised Black function: √(F·K)·b(±ln(F/K), s).</summary>
    internal static double UndiscountedPrice(double forward, double strike, double stdDev, OptionRight right)
    {
        double x = LogMoneyness(forward, strike);
        return Math.Sqrt(forward) * Math.Sqrt(strike) * NormalisedBlack.Call(right == OptionRight.Call ? x : -x, stdDev);
    }

    /// <summary>κ = price/(s·∂price/∂s): relative vol error per relative price error.</summary>
    internal static double Conditioning(double forward, double strike, double stdDev, double undiscountedPrice)
    {
        double vega = Math.Sqrt(forward) * Math.Sqrt(strike) * NormalisedBlack.Vega(LogMoneyness(forward, strike), stdDev);
        return undiscountedPrice / (stdDev * vega);
    }

    /// <summary>ln(F/K) of the exact doubles (ln of the rounded quotient F/K would be off by ε absolute).</summary>
    internal static double LogMoneyness(double forward, double strike) =>
        forward >= strike ? BlackScholesMerton.LogRatio(forward, strike) : -BlackScholesMerton.LogRatio(strike, forward);

    /// <summary>Asserts each row and keeps the worst relative error of the well-conditioned rows.</summary>
    private sealed class WorstError
    {
        private double _worst;
        private string _where = "";
        private int _rows;
        private int _illConditioned;
        private int _uninformative;

        public void Check(ImpliedVolResult result, double vol, double kappa, string where)
        {
            if ((1.0 + kappa) * Epsilon > NoInformation && !result.IsSolved)
            {
                // The vol is lost in the rounding of the price: it rounds to intrinsic or to the upper bound.
                Assert.Contains(result.Status, new[] { ImpliedVolStatus.AtIntrinsic, ImpliedVolStatus.BelowIntrinsic, ImpliedVolStatus.AboveUpperBound });
                _uninformative++;
                return;
            }

            Assert.True(result.IsSolved, $"{where}: {result.Status}");
            double error = Math.Abs(result.LognormalVol - vol) / vol;
            bool wellConditioned = (1.0 + kappa) * Epsilon <= 1e-13;
            double tolerance = wellConditioned ? 1e-12 : 16.0 * (1.0 + kappa) * Epsilon;
            Assert.True(error <= tolerance, $"{where}: σ̂ = {result.LognormalVol:R}, relative error {error:E2} > {tolerance:E2} (κ = {kappa:E2})");
            _rows++;
            if (!wellConditioned)
            {
                _illConditioned++;
            }
            else if (error > _worst)
            {
                _worst = error;
                _where = where;
            }
        }

        public override string ToString() =>
            $"{_rows} rows solved ({_illConditioned} ill-conditioned), {_uninformative} at a bound, worst well-conditioned relative error {_worst:E2} at {_where}";
    }
}
