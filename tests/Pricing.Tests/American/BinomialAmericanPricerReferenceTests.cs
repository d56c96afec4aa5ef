using Analytics.Pricing.American;
using static Analytics.Pricing.Tests.American.AmericanTestData;

namespace Analytics.Pricing.Tests.American;

/// <summary>
/// The convergent engine against an independent converged reference (<see cref="LeisenReimerReference"/>,
/// Leisen-Reimer with 6001/3001 steps extrapolated) on the standard parameter sets of the literature, to the
/// 1e-4 the issue asks for, and the approximations against it within their known errors.
/// </summary>
public sealed class BinomialAmericanPricerReferenceTests
{
    private const double PriceTolerance = 1e-4;

    // type, strike, spot, q, r, t, vol: the Geske-Johnson (1984) / Ju (1998, Exhibit 3) short-dated American
    // puts, S = 40, r = 0.0488, no dividend (rows of QuantLib americanoption.cpp juValues; QuantLib's values there
    // are Ju's approximation, so only the parameters are taken), and Haug 2007 Table 3-2 (K = 100, r = 0.1, b = 0).
    public static TheoryData<OptionRight, double, double, double, double, double, double> StandardRows()
    {
        var rows = new TheoryData<OptionRight, double, double, double, double, double, double>();
        foreach (double vol in new[] { 0.2, 0.3, 0.4 })
        {
            foreach (double strike in new[] { 35.0, 40.0, 45.0 })
            {
                foreach (double t in new[] { 1.0 / 12.0, 1.0 / 3.0, 7.0 / 12.0 })
                {
                    rows.Add(OptionRight.Put, strike, 40.0, 0.0, 0.0488, t, vol);
                }
            }
        }

        foreach (var right in new[] { OptionRight.Call, OptionRight.Put })
        {
            foreach (double t in new[] { 0.1, 0.5 })
            {
                foreach (double vol in new[] { 0.15, 0.25, 0.35 })
                {
                    foreach (double spot in new[] { 90.0, 100.0, 110.0 })
                    {
                        rows.Add(right, 100.0, spot, 0.1, 0.1, t, vol);
                    }
                }
            }
        }

        return rows;
    }

    // Ju (1998) Exhibit 6, long-dated calls on a dividend-paying asset (QuantLib juValues parameters).
    public static TheoryData<OptionRight, double, double, double, double, double, double> LongDatedRows()
    {
        var rows = new TheoryData<OptionRight, double, double, double, double, double, double>();
        foreach (var (q, r, vol) in new[] { (0.07, 0.03, 0.2), (0.07, 0.03, 0.4), (0.07, 0.00001, 0.3), (0.03, 0.07, 0.3) })
        {
            foreach (double spot in new[] { 80.0, 100.0, 120.0 })
            {
                rows.Add(OptionRight.Call, 100.0, spot, q, r, 3.0, vol);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(StandardRows))]
    public void Price_StandardCases_DefaultEngineWithin1e4OfConvergedReference(
        OptionRight right, double strike, double spot, double q, double r, double t, double vol)
    {
        var inputs = Inputs(right, strike, spot, q, r, t, vol);
        double reference = LeisenReimerReference.Price(right == OptionRight.Call, spot, strike, t, r, r - q, vol);

        double price = BinomialAmericanPricer.Default.Price(inputs).Price;

        Assert.True(Math.Abs(price - reference) <= PriceTolerance, $"price {price:F7}, reference {reference:F7}");
    }

    [Theory]
    [MemberData(nameof(LongDatedRows))]
    public void Price_LongDatedCalls_4000StepEngineWithin1e4OfConvergedReference(
        OptionRight right, double strike, double spot, double q, double r, double t, double vol)
    {
        var inputs = Inputs(right, strike, spot, q, r, t, vol);
        double reference = LeisenReimerReference.Price(right == OptionRight.Call, spot, strike, t, r, r - q, vol);

        double price = new BinomialAmericanPricer(4000).PresentValue(inputs);

        Assert.True(Math.Abs(price - reference) <= PriceTolerance, $"price {price:F7}, reference {reference:F7}");
    }

    [Theory]
    [MemberData(nameof(StandardRows))]
    public void Price_StandardCases_ApproximationsWithinTheirKnownErrorOfLattice(
        OptionRight right, double strike, double spot, double q, double r, double t, double vol)
    {
        var inputs = Inputs(right, strike, spot, q, r, t, vol);
        double lattice = BinomialAmericanPricer.Default.PresentValue(inputs);
        double bjerksund = BjerksundStensland2002Pricer.Default.PresentValue(inputs);
        double baroneAdesi = BaroneAdesiWhaleyPricer.Default.PresentValue(inputs);

        // Bjerksund-Stensland values a feasible exercise policy: a lower bound, up to ~3e-2 below on these rows
        // (largest just outside the exercise boundary; Haug 2007 §3.3; Bjerksund and Stensland 2002, Table 1).
        Assert.True(bjerksund <= lattice + PriceTolerance, $"BjS {bjerksund:F6} above lattice {lattice:F6}");
        Assert.True(lattice - bjerksund <= 4e-2, $"BjS {bjerksund:F6} vs lattice {lattice:F6}");
        // Barone-Adesi-Whaley: errors of a few 1e-2 at T = 0.5 (Barone-Adesi and Whaley 1987, Tables I-IV).
        Assert.True(Math.Abs(baroneAdesi - lattice) <= 5e-2, $"BAW {baroneAdesi:F6} vs lattice {lattice:F6}");
    }

    [Fact]
    public void Price_IncreasingSteps_ErrorShrinks()
    {
        var inputs = Inputs(OptionRight.Put, 45.0, 40.0, 0.0, 0.0488, 7.0 / 12.0, 0.4);
        double reference = LeisenReimerReference.Price(false, 40.0, 45.0, 7.0 / 12.0, 0.0488, 0.0488, 0.4);

        double Error(int steps) => Math.Abs(new BinomialAmericanPricer(steps).PresentValue(inputs) - reference);
        double coarse = Error(50), middle = Error(400), fine = Error(3200);

        Assert.True(middle < coarse / 4.0 && fine < middle / 4.0, $"errors {coarse:E2}, {middle:E2}, {fine:E2}");
        Assert.True(fine < 2e-5, $"3200-step error {fine:E2}");
    }
}
