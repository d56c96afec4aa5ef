using Analytics.Pricing.American;
using Analytics.Pricing.Black;

namespace Analytics.Pricing.Tests.American;

/// <summary>
/// <see cref="QdFpScheme.Default"/> against a converged scheme whose convergence the test itself shows by doubling
/// ((l, m, n)-p = (96, 48, 48)-256 against (192, 64, 64)-512), on the low-volatility, long-tenor cells where the default's
/// errors are largest (issue 14 item 2; the frontier in bench/RESULTS.md, 2026-12-02).
/// </summary>
public sealed class QdFpSchemeAccuracyTests(ITestOutputHelper output)
{
    private static readonly QdFpAmericanPricer Coarse = new(new QdFpScheme(chebyshevNodes: 48, fixedPointSteps: 48, quadratureOrder: 96, priceQuadratureOrder: 256));
    private static readonly QdFpAmericanPricer Fine = new(new QdFpScheme(chebyshevNodes: 64, fixedPointSteps: 64, quadratureOrder: 192, priceQuadratureOrder: 512));

    /// <summary>
    /// Tenor in days; the largest difference allowed between the two reference schemes (measured on the 1,920-cell grid of
    /// bench/RESULTS.md: at most 4.2e-10 up to ten years, 2.0e-8 at 30 years); the default's bound, the largest error
    /// measured on that grid rounded up (7.7e-9, 8.5e-7, 7.8e-6, 5.3e-6, 1.1e-5), each below the previous default's
    /// largest error at 30 years, 2.07e-5.
    /// </summary>
    public static TheoryData<int, double, double> Tenors() => new()
    {
        { 30, 1e-9, 1e-8 },
        { 365, 1e-9, 1e-6 },
        { 1826, 1e-9, 1e-5 },
        { 3652, 1e-9, 1e-5 },
        { 10957, 3e-8, 1.5e-5 },
    };

    [Theory]
    [MemberData(nameof(Tenors))]
    public void Default_LowVolatilityCells_IsWithinItsMeasuredErrorOfAConvergedScheme(int days, double referenceSpread, double bound)
    {
        double worstSpread = 0.0, worst = 0.0;
        foreach (var right in new[] { OptionRight.Put, OptionRight.Call })
        foreach (double moneyness in new[] { 0.8, 1.0, 1.25 })
        foreach (double vol in new[] { 0.05, 0.2 })
        foreach (var (r, q) in new[] { (0.05, 0.0), (0.03, 0.08), (0.02, -0.03) })
        {
            var inputs = BlackVanillaOptionInputs.WithDividendYield(right, 100.0 * moneyness, 100.0, days / 365.0, vol, r, q);
            double fine = Fine.PresentValue(inputs);
            double floor = Math.Max(fine, 1e-12 * inputs.Strike);
            double spread = Math.Abs(Coarse.PresentValue(inputs) - fine) / floor;
            double error = Math.Abs(QdFpAmericanPricer.Default.PresentValue(inputs) - fine) / floor;
            worstSpread = Math.Max(worstSpread, spread);
            worst = Math.Max(worst, error);
            Assert.True(spread <= referenceSpread, $"reference not converged: {right} S={inputs.Spot} σ={vol} r={r} q={q}: {spread:E2}");
            Assert.True(error <= bound, $"default: {right} S={inputs.Spot} σ={vol} r={r} q={q}: {error:E2} > {bound:E1}");
        }

        output.WriteLine($"T = {days} d: reference spread {worstSpread:E2}, default {worst:E2}");
    }
}
