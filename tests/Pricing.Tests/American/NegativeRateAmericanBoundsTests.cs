using Analytics.Pricing.American;
using Analytics.Pricing.Black;
using Analytics.Pricing.Engines;
using Analytics.Pricing.Limits;

namespace Analytics.Pricing.Tests.American;

/// <summary>
/// American options where the perpetual bounds (<see cref="PerpetualBounds"/>) have no single exercise boundary: calls with
/// r &lt; 0 &lt; q and puts with q &lt; 0 (including the double continuation region of a put with r &lt; q &lt; 0, Battauz, De Donno
/// and Sbuelz, "Real options and American derivatives: the double continuation region", <i>Management Science</i> 61(5), 2015).
/// Every own American engine, where it answers, and the API's pricing (<see cref="VanillaOptionLimits.PriceWith{TResult}"/>, which
/// replaces an engine's refusal) stay within Merton's (1973) model-free bounds, written here: at least the larger of the European value (Black-Scholes-Merton) and the intrinsic value, at most S·max(1, e^{−qT}) for a
/// call and K·max(1, e^{−rT}) for a put (the holder's best stopping time of e^{−rτ}·S_τ, resp. e^{−rτ}·K, is 0 or T).
/// </summary>
public sealed class NegativeRateAmericanBoundsTests
{
    public static TheoryData<PricingEngine> OwnAmericanEngines() =>
        [.. EngineRegistry.EnginesFor(OptionExerciseStyle.American).Where(e => EngineRegistry.Of(e).Vanilla is not null)];

    private static IEnumerable<(OptionRight Right, double Spot, double Tenor, double Vol, double Rate, double Yield)> Grid()
    {
        var calls = new[] { (-0.05, 0.1), (-1.0, 2.0), (-0.02, 0.01), (-5.0, 5.0), (-0.5, 0.0) };
        var puts = new[] { (0.05, -0.1), (2.0, -1.0), (-0.01, -0.02), (-0.02, -0.01), (-5.0, -5.0), (0.0, -0.5) };
        foreach (double spot in new[] { 50.0, 100.0, 200.0, 1000.0 })
        foreach (double tenor in new[] { 0.1, 1.0, 10.0, 30.0 })
        foreach (double vol in new[] { 0.05, 0.3, 2.0 })
        {
            foreach (var (r, q) in calls.Where(x => Math.Max(Math.Abs(x.Item1), Math.Abs(x.Item2)) * tenor <= 100))
                yield return (OptionRight.Call, spot, tenor, vol, r, q);
            foreach (var (r, q) in puts.Where(x => Math.Max(Math.Abs(x.Item1), Math.Abs(x.Item2)) * tenor <= 100))
                yield return (OptionRight.Put, spot, tenor, vol, r, q);
        }
    }

    [Theory]
    [MemberData(nameof(OwnAmericanEngines))]
    public void Engine_WithoutASingleBoundary_StaysWithinMertonsBounds(PricingEngine engine)
    {
        var vanilla = EngineRegistry.Of(engine).Vanilla!;
        const double strike = 100.0;
        var failures = new List<string>();
        int refused = 0;
        foreach (var c in Grid())
        {
            var inputs = BlackVanillaOptionInputs.WithDividendYield(c.Right, c.Spot, strike, c.Tenor, c.Vol, c.Rate, c.Yield);
            bool isCall = c.Right == OptionRight.Call;
            double european = BlackVanillaOptionPricer.Default.Price(inputs).Price;
            double intrinsic = Math.Max(isCall ? c.Spot - strike : strike - c.Spot, 0.0);
            double lower = Math.Max(european, intrinsic);
            double upper = isCall ? c.Spot * Math.Max(1.0, Math.Exp(-c.Yield * c.Tenor)) : strike * Math.Max(1.0, Math.Exp(-c.Rate * c.Tenor));
            string what = $"{EngineRegistry.Id(engine)} {c}";
            try
            {
                var v = vanilla.Price(inputs);
                if (!double.IsFinite(v.Price) || v.Price < lower * (1 - 1e-9) - 1e-12 || v.Price > upper * (1 + 1e-9) + 1e-12)
                    failures.Add($"{what}: price {v.Price:R} outside [{lower:R}, {upper:R}]");
            }
            catch (ArgumentOutOfRangeException)
            {
                // The lattice refuses drifts needing more than 8,192 steps (binomial, and the approximations' double-boundary cases);
                // as the API prices it, the option then gets the fallback of VanillaOptionLimits.PriceWith, held to the same bounds.
                refused++;
            }

            var terms = new VanillaOptionTerms(c.Right, OptionExerciseStyle.American, c.Spot, strike, c.Tenor, c.Vol, c.Rate,
                c.Rate - c.Yield, CarryConvention.RateMinusDividendYield);
            var api = VanillaOptionLimits.PriceWith(terms, vanilla.Price, x => x).Valuation.Price;
            if (!double.IsFinite(api) || api < lower * (1 - 1e-9) - 1e-12 || api > upper * (1 + 1e-9) + 1e-12)
                failures.Add($"{what}: as the API prices it, {api:R} outside [{lower:R}, {upper:R}]");
        }

        Assert.True(failures.Count == 0,
            $"{failures.Count} failures ({refused} refusals):{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(25))}");
    }
}
