using Analytics.Pricing.Batch;
using Analytics.Pricing.Black;

namespace Analytics.Pricing.Tests.Black;

/// <summary>
/// The analytic European engine over the whole input range the API validates (issue 14 item 1): spot and strike from 1e-300 to
/// 1e12 USD, vol from 1e-300 to 100, tenor from 1e-300 to 1000 years (σ√T underflowing to 0 included), rate and dividend yield in [−10, 10] with |r·T|, |q·T|, |(r − q)·T| ≤ 500. The price
/// is finite and within the no-arbitrage bounds of Merton (1973) (Hull, <i>Options, Futures, and Other Derivatives</i>, 8th ed.,
/// ch. 11): max(0, ω(S·A − K·DF)) ≤ V ≤ S·A for a call, K·DF for a put, with A = e^{(b−r)T}, DF = e^{−rT} written here; every Greek
/// is finite (gamma +∞ only where its true value, computed here in logs, is beyond the doubles), ω·Δ ∈ [0, A], Γ ≥ 0, vega ≥ 0; and the SIMD batch gives the scalar pricer's bits. Where the forward S·e^{bT}
/// underflows (S = 1e-300, q·T = 500) or F/K leaves the doubles, the price is the limit: the call 0 (S·A is below the
/// smallest double), the put K·DF.
/// </summary>
public sealed class BlackScholesExtremeInputsTests
{
    private static BlackVanillaOptionInputs Inputs(bool call, double s, double k, double t, double sigma, double r, double q) =>
        BlackVanillaOptionInputs.WithDividendYield(call ? OptionRight.Call : OptionRight.Put, s, k, t, sigma, r, q);

    [Theory]
    [InlineData(1e-300, 100.0, 50.0, 0.0, 10.0)]    // F = 1e-300·e^{−500} underflows to 0
    [InlineData(1e-300, 1e12, 50.0, 0.0, 10.0)]
    [InlineData(1e-300, 1e-300, 50.0, 0.0, 10.0)]
    [InlineData(1e-300, 1e12, 1.0, 0.05, 0.0)]      // K/F = 1e312 beyond the doubles
    [InlineData(1e-300, 1e12, 1000.0, 0.5, 0.0)]    // with σ√T = 3162
    public void Price_ForwardFarBelowTheStrike_IsTheLimit_CallZero_PutDiscountedStrike(double s, double k, double t, double r, double q)
    {
        foreach (double sigma in new[] { 1e-8, 0.3, 100.0 })
        {
            var call = BlackVanillaOptionPricer.Default.Price(Inputs(true, s, k, t, sigma, r, q));
            var put = BlackVanillaOptionPricer.Default.Price(Inputs(false, s, k, t, sigma, r, q));
            double discountedStrike = k * Math.Exp(-r * t);
            double discountedForward = s * Math.Exp(-q * t);

            Assert.InRange(call.Price, 0.0, discountedForward * (1 + 1e-12));
            Assert.Equal(discountedStrike, put.Price, discountedStrike * 1e-14);
            AssertFinite(call.Greeks);
            AssertFinite(put.Greeks);
        }
    }

    [Theory]
    [InlineData(1e12, 1e-300, 1.0, 0.05, 0.0)]      // F/K = 1e312
    [InlineData(1e12, 1e-300, 50.0, 0.0, -10.0)]    // F = 1e12·e^{500}
    public void Price_ForwardFarAboveTheStrike_IsTheDiscountedForwardLessTheDiscountedStrike(double s, double k, double t, double r, double q)
    {
        foreach (double sigma in new[] { 1e-8, 0.3, 100.0 })
        {
            var call = BlackVanillaOptionPricer.Default.Price(Inputs(true, s, k, t, sigma, r, q));
            var put = BlackVanillaOptionPricer.Default.Price(Inputs(false, s, k, t, sigma, r, q));
            double discountedForward = s * Math.Exp(-q * t);

            Assert.Equal(discountedForward, call.Price, discountedForward * 1e-14);
            Assert.InRange(put.Price, 0.0, k * Math.Exp(-r * t) * (1 + 1e-12));
            AssertFinite(call.Greeks);
            AssertFinite(put.Greeks);
        }
    }

    [Fact]
    public void RandomGrid_OverTheValidatedRange_PriceWithinBounds_GreeksFinite_BatchEqualsScalar()
    {
        var random = new Random(20261202);
        var inputs = new List<BlackVanillaOptionInputs>();
        while (inputs.Count < 20_000)
        {
            double s = Math.Pow(10, -300 + 312 * random.NextDouble());
            double k = Math.Pow(10, -300 + 312 * random.NextDouble());
            double t = Math.Pow(10, -300 + 303 * random.NextDouble());
            double sigma = Math.Pow(10, -300 + 302 * random.NextDouble());
            double r = -10 + 20 * random.NextDouble();
            double q = -10 + 20 * random.NextDouble();
            if (t > 1000 || Math.Abs(r * t) > 500 || Math.Abs(q * t) > 500 || Math.Abs((r - q) * t) > 500) continue;
            inputs.Add(Inputs(random.Next(2) == 0, s, k, t, sigma, r, q));
        }

        var failures = new List<string>();
        var batch = BlackVanillaBatchPricer.Default.Price(inputs);
        for (int i = 0; i < inputs.Count; i++)
        {
            var x = inputs[i];
            var v = BlackVanillaOptionPricer.Default.Price(x);
            bool isCall = x.Right == OptionRight.Call;
            double q = x.Rate - x.CostOfCarry;
            double a = Math.Exp(-q * x.TenorYears);
            double df = Math.Exp(-x.Rate * x.TenorYears);
            double omega = isCall ? 1.0 : -1.0;
            double lower = Math.Max(0.0, omega * (x.Spot * a - x.Strike * df));
            double upper = isCall ? x.Spot * a : x.Strike * df;
            double tolerance = 1e-10 * upper;
            var g = v.Greeks;
            string where = $"{x.Right} S={x.Spot:R} K={x.Strike:R} T={x.TenorYears:R} σ={x.Volatility:R} r={x.Rate:R} q={q:R}";
            if (!double.IsFinite(v.Price) || v.Price < lower - tolerance || v.Price > upper + tolerance)
                failures.Add($"price {v.Price:R} outside [{lower:R}, {upper:R}]: {where}");
            // Γ = A·φ(d₁)/(S·σ√T) itself leaves the doubles at a spot of 1e-270 (the API writes it as the largest double): it may be
            // +∞ only where its logarithm, formed here from logs, is beyond ln(double.MaxValue) ≈ 709.78.
            double stdDev = x.Volatility * Math.Sqrt(x.TenorYears);
            double d1 = (Math.Log(x.Spot) - Math.Log(x.Strike) + (x.CostOfCarry + 0.5 * x.Volatility * x.Volatility) * x.TenorYears) / stdDev;
            double logGamma = -q * x.TenorYears - 0.5 * d1 * d1 - 0.5 * Math.Log(2 * Math.PI) - Math.Log(x.Spot) - Math.Log(stdDev);
            if (double.IsPositiveInfinity(g.Gamma) && logGamma < 709.0)
                failures.Add($"gamma +∞ where ln Γ = {logGamma:R}: {where}");
            if (!(double.IsFinite(g.Delta) && !double.IsNaN(g.Gamma) && double.IsFinite(g.Vega) && double.IsFinite(g.Theta)
                  && double.IsFinite(g.Rho) && double.IsFinite(g.CarryRho) && double.IsFinite(g.Vanna) && double.IsFinite(g.Volga)
                  && double.IsFinite(g.Charm)))
                failures.Add($"non-finite Greek {g}: {where}");
            if (omega * g.Delta < 0 || omega * g.Delta > a * (1 + 1e-12) || g.Gamma < 0 || g.Vega < 0)
                failures.Add($"delta {g.Delta:R} (A = {a:R}), gamma {g.Gamma:R} or vega {g.Vega:R} out of bounds: {where}");
            if (!Equals(v, batch[i]))
                failures.Add($"batch {batch[i]} differs from scalar {v}: {where}");
        }

        Assert.True(failures.Count == 0, $"{failures.Count} failures; first: {string.Join(Environment.NewLine, failures.Take(20))}");
    }

    private static void AssertFinite(Greeks g)
    {
        foreach (double value in new[] { g.Delta, g.Gamma, g.Vega, g.Theta, g.Rho, g.CarryRho, g.Vanna, g.Volga, g.Charm })
            Assert.True(double.IsFinite(value), $"non-finite Greek in {g}");
    }
}
