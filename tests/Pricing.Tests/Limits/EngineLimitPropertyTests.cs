using Analytics.Pricing.Black;
using Analytics.Pricing.Engines;
using Analytics.Pricing.Limits;
using Analytics.Pricing.QuantLib;
using Analytics.Pricing.Tests.QuantLibCrossCheck;

namespace Analytics.Pricing.Tests.Limits;

/// <summary>
/// Issue 14 item 1: over a wide seeded random grid that includes the limits (T = 0, σ = 0, K = 0, S = 0, σ = 100, q = 10,
/// 170-year tenors, negative rates), every engine, through <see cref="VanillaOptionLimits.PriceWith{TResult}"/> as the API
/// prices, gives finite prices and Greeks inside the no-arbitrage bounds (Merton 1973, "Theory of rational option
/// pricing", Theorems 1-3; Hull, <i>Options, Futures, and Other Derivatives</i>, 8th ed. 2012, ch. 11): call between
/// max(0, DF·(F − K)) and DF·F, put between max(0, DF·(K − F)) and DF·K (American: at least intrinsic, at most S·max(1, A),
/// K·max(1, DF)); call delta in [0, max(1, A)], put delta in [−max(1, A), 0] (so [−1, 0] when q ≥ 0); American ≥ European;
/// call prices non-increasing and put prices non-decreasing in the strike. Ordinary inputs never fall back to the
/// closed-form bound (the engines price them themselves).
/// </summary>
public sealed class EngineLimitPropertyTests
{
    private const int Seed = 20261201;

    /// <summary>Our own engines: fast, so a wide grid.</summary>
    public static TheoryData<PricingEngine> OwnEngines() =>
        [.. EngineRegistry.All.Where(e => e.Vanilla is not null).Select(e => e.Engine)];

    /// <summary>The QuantLib engines (slow: a smaller grid).</summary>
    public static TheoryData<PricingEngine> QuantLibEngines() =>
        [.. EngineRegistry.All.Where(e => e.Has(EngineCapabilities.RequiresQuantLib)).Select(e => e.Engine)];

    [Theory]
    [MemberData(nameof(OwnEngines))]
    public void OwnEngine_OverTheRandomGridWithLimits_HoldsTheNoArbitrageBounds(PricingEngine engine)
    {
        var vanilla = EngineRegistry.Of(engine).Vanilla!;
        var report = Check(engine, (inputs, _) => vanilla.Price(inputs), Grid(Seed, 400), EngineRegistry.Of(engine).Styles[0]);
        Assert.True(report.Failures.Count == 0, string.Join("\n", report.Failures.Take(20)));
        Assert.True(report.OrdinaryFallbacks.Count == 0, "ordinary inputs fell back to the closed form:\n" + string.Join("\n", report.OrdinaryFallbacks.Take(20)));
        Assert.True(report.AtLimit > 60, $"only {report.AtLimit} cases at a limit");
    }

    [Theory]
    [MemberData(nameof(QuantLibEngines))]
    public void QuantLibEngine_OverASmallerRandomGridWithLimits_HoldsTheNoArbitrageBounds(PricingEngine engine)
    {
        QuantLibRequirement.Require();
        var definition = EngineRegistry.Of(engine);
        // quantlib-fd's grid grows with √T (seconds per price at 170 years): its grid keeps to tenors up to ten years
        // (PricingLimitsEndpointTests prices a 170-year option with it once).
        var slow = engine is PricingEngine.QuantLibFd or PricingEngine.QuantLibBinomial;
        var cases = slow ? 12 : 40;
        foreach (var style in definition.Styles)
        {
            var report = Check(engine, (inputs, s) =>
            {
                var r = QuantLibVanillaOptionPricer.Default.Price(inputs, s, engine);
                return new VanillaOptionValuation(r.Price, r.Greeks, GreeksMethod.QuantLib, r.Forward, r.DiscountFactor, null);
            }, Grid(Seed + (int)engine, cases, maxTenorYears: slow ? 10 : 170), style);
            Assert.True(report.Failures.Count == 0, string.Join("\n", report.Failures.Take(20)));
            Assert.True(report.AtLimit >= 1, $"only {report.AtLimit} cases at a limit");
        }
    }

    private sealed record Report(List<string> Failures, List<string> OrdinaryFallbacks, int AtLimit);

    private sealed record Case(OptionRight Right, double Spot, double Strike, double Tenor, double Vol, double Rate, double Yield, bool Ordinary);

    private static Report Check(
        PricingEngine engine, Func<BlackVanillaOptionInputs, OptionExerciseStyle, VanillaOptionValuation> price, IEnumerable<Case> cases,
        OptionExerciseStyle style)
    {
        var failures = new List<string>();
        var fallbacks = new List<string>();
        var atLimit = 0;
        // Lattice, finite-difference and bumped Greeks carry discretisation noise; closed forms do not.
        var tolerance = engine is PricingEngine.Analytic or PricingEngine.QuantLibAnalytic ? 1e-9 : 2e-3;
        foreach (var c in cases)
        {
            var terms = Terms(c, c.Strike, style);
            var priced = VanillaOptionLimits.PriceWith(terms, inputs => price(inputs, style), v => v);
            if (priced.Limit is not null && priced.Limit != VanillaOptionLimit.ExtremeInputs) atLimit++;
            // Negative rates included since barone-adesi-whaley prices a call at r < 0 < q as the put it maps to (it used to
            // answer −56.7 at S 70.5, K 127.3, T 2.16, σ 6.2 %, r −1.2 %, q 12 %).
            if (priced.Limit == VanillaOptionLimit.ExtremeInputs && c.Ordinary) fallbacks.Add($"{c}: {priced.EngineFailure}");
            var v = priced.Valuation;
            var what = $"{engine} {style} {c} (limit {priced.Limit?.ToString() ?? "none"})";

            var g = v.Greeks;
            if (!new[] { v.Price, g.Delta, g.Gamma, g.Vega, g.Theta, g.Rho, g.CarryRho, g.Vanna, g.Volga, g.Charm }.All(double.IsFinite))
            {
                failures.Add($"{what}: not finite: price {v.Price}, {g}");
                continue;
            }

            var a = Math.Exp((c.Rate - c.Yield - c.Rate) * c.Tenor);
            var discount = Math.Exp(-c.Rate * c.Tenor);
            var forward = c.Spot * Math.Exp((c.Rate - c.Yield) * c.Tenor);
            var scale = c.Spot * Math.Max(1, a) + c.Strike * Math.Max(1, discount);
            var priceTolerance = tolerance * scale + 1e-12;
            var isCall = c.Right == OptionRight.Call;
            var lower = Math.Max(0, (isCall ? 1 : -1) * discount * (forward - c.Strike));
            var upper = isCall ? discount * forward : discount * c.Strike;
            if (style == OptionExerciseStyle.American)
            {
                lower = Math.Max(lower, Math.Max(0, isCall ? c.Spot - c.Strike : c.Strike - c.Spot));
                upper = isCall ? c.Spot * Math.Max(1, a) : c.Strike * Math.Max(1, discount);
            }
            if (v.Price < lower - priceTolerance || v.Price > upper + priceTolerance)
                failures.Add($"{what}: price {v.Price} outside [{lower}, {upper}]");

            // |Δ| ≤ max(1, e^{−qT}): [−1, 0] for a put and [0, 1] for a call whenever q ≥ 0.
            var deltaBound = Math.Max(1, a);
            var deltaTolerance = 10 * tolerance * deltaBound;
            if (isCall ? g.Delta < -deltaTolerance || g.Delta > deltaBound + deltaTolerance
                       : g.Delta > deltaTolerance || g.Delta < -deltaBound - deltaTolerance)
                failures.Add($"{what}: delta {g.Delta} outside the bounds (|delta| ≤ {deltaBound})");

            if (style == OptionExerciseStyle.American)
            {
                var european = VanillaOptionLimits.PriceWith(Terms(c, c.Strike, OptionExerciseStyle.European),
                    BlackVanillaOptionPricer.Default.Price, VanillaOptionEngine.FromBlack).Valuation.Price;
                if (v.Price < european - priceTolerance)
                    failures.Add($"{what}: American {v.Price} < European {european}");
            }

            // Monotone in the strike: one strike 5 % higher (and K = 0 → 5 % of the spot).
            var higherStrike = c.Strike > 0 ? c.Strike * 1.05 : 0.05 * Math.Max(c.Spot, 1);
            var higher = VanillaOptionLimits.PriceWith(Terms(c, higherStrike, style), inputs => price(inputs, style), x => x).Valuation.Price;
            if (isCall ? higher > v.Price + priceTolerance : higher < v.Price - priceTolerance)
                failures.Add($"{what}: price at strike {higherStrike} is {higher}, {(isCall ? "above" : "below")} {v.Price} at {c.Strike}");
        }
        return new Report(failures, fallbacks, atLimit);
    }

    private static VanillaOptionTerms Terms(Case c, double strike, OptionExerciseStyle style) =>
        new(c.Right, style, c.Spot, strike, c.Tenor, c.Vol, c.Rate, c.Rate - c.Yield, CarryConvention.RateMinusDividendYield);

    /// <summary>
    /// Seeded cases: one in three ordinary (S, K within a factor 3 of 100, T in [0.01, 10], σ in [0.05, 2], r in [−0.05, 0.15],
    /// q in [−0.05, 0.2]); the rest draw each input from a list of limits and extremes (T = 0, 1e-9, 170; σ = 0, 1e-8, 100;
    /// K = 0, S = 0, q = 10, r = −0.5, 2), kept where |r·T|, |q·T|, |b·T| ≤ 500 as the API requires.
    /// </summary>
    private static IEnumerable<Case> Grid(int seed, int count, double maxTenorYears = 170)
    {
        var random = new Random(seed);
        double Pick(params double[] values) => values[random.Next(values.Length)];
        double Uniform(double lo, double hi) => lo + (hi - lo) * random.NextDouble();
        var produced = 0;
        while (produced < count)
        {
            var right = random.Next(2) == 0 ? OptionRight.Call : OptionRight.Put;
            var ordinary = random.Next(3) == 0;
            Case c = ordinary
                ? new Case(right, 100 * Math.Exp(Uniform(-1.1, 1.1)), 100 * Math.Exp(Uniform(-1.1, 1.1)), Uniform(0.01, 10), Uniform(0.05, 2),
                    Uniform(-0.05, 0.15), Uniform(-0.05, 0.2), true)
                : new Case(right,
                    Pick(0, 1e-6, 100, 100, 3000, 1e9),
                    Pick(0, 1e-6, 80, 100, 120, 2500, 1e9),
                    Pick(0, 1e-9, 1.0 / 365, 0.5, 3, 10, 30, 170),
                    Pick(0, 1e-8, 0.01, 0.5, 3, 10, 100),
                    Pick(-0.5, -0.05, 0, 0.05, 0.3, 2),
                    Pick(-0.1, 0, 0.03, 0.5, 10),
                    false);
            var b = c.Rate - c.Yield;
            if (c.Tenor > maxTenorYears || Math.Abs(c.Rate) * c.Tenor > 500 || Math.Abs(c.Yield) * c.Tenor > 500 || Math.Abs(b) * c.Tenor > 500) continue;
            produced++;
            yield return c;
        }
    }
}
