using Analytics.Pricing.ImpliedVol;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Analytics.Pricing.Tests.ImpliedVol;

/// <summary>
/// FsCheck properties over the whole domain: tenor 1 hour … 10 years, σ 1 % … 500 %, ln(F/K) within ±12 standard
/// deviations, forward 1e-3 … 1e6, discount factor 0.5 … 1, calls and puts. Round trips hold to 1e-12 relative
/// where the vol's condition number allows it, and to 16·(1 + κ)·ε elsewhere.
/// </summary>
public sealed class ImpliedVolatilityPropertyTests
{
    [Property(Arbitrary = [typeof(OptionCaseArbitrary)], MaxTest = 2000)]
    public void SolveBlack76_PriceOfAnyCase_RoundTripsToTheVol(OptionCase c)
    {
        double price = c.DiscountFactor * ImpliedVolatilityRoundTripTests.UndiscountedPrice(c.Forward, c.Strike, c.StdDev, c.Right);
        if (price < 1e-300 * c.Forward)
        {
            return; // Below the information floor of the issue.
        }

        double kappa = ImpliedVolatilityRoundTripTests.Conditioning(c.Forward, c.Strike, c.StdDev, price / c.DiscountFactor);
        if ((1.0 + kappa) * 2.220446049250313e-16 > 1e-4 || price / Math.Sqrt(c.Forward * c.Strike) < 1e-300)
        {
            return; // The time value is lost in rounding, or is below Jäckel's horizon of normal doubles.
        }

        ImpliedVolResult result = ImpliedVolatility.SolveBlack76(price, c.Forward, c.Strike, c.TenorYears, c.DiscountFactor, c.Right);

        double tolerance = Math.Max(1e-12, 16.0 * (1.0 + kappa) * 2.220446049250313e-16);
        Assert.True(result.IsSolved, $"{c}: {result.Reason}");
        Assert.True(Math.Abs(result.LognormalVol - c.Vol) <= tolerance * c.Vol, $"{c}: σ̂ = {result.LognormalVol:R}");
    }

    [Property(Arbitrary = [typeof(OptionCaseArbitrary)], MaxTest = 500)]
    public void SolveBlack76_PutAndCallAtParity_GiveTheSameVol(OptionCase c)
    {
        // Put-call parity C − P = DF·(F − K): a model-free identity, so both rights imply one vol.
        double call = c.DiscountFactor * ImpliedVolatilityRoundTripTests.UndiscountedPrice(c.Forward, c.Strike, c.StdDev, OptionRight.Call);
        double put = c.DiscountFactor * ImpliedVolatilityRoundTripTests.UndiscountedPrice(c.Forward, c.Strike, c.StdDev, OptionRight.Put);
        double kappa = ImpliedVolatilityRoundTripTests.Conditioning(c.Forward, c.Strike, c.StdDev, Math.Max(call, put) / c.DiscountFactor);
        if (Math.Min(call, put) < 1e-300 * Math.Sqrt(c.Forward * c.Strike) || (1.0 + kappa) * 2.220446049250313e-16 > 1e-4)
        {
            return;
        }

        ImpliedVolResult fromCall = ImpliedVolatility.SolveBlack76(call, c.Forward, c.Strike, c.TenorYears, c.DiscountFactor, OptionRight.Call);
        ImpliedVolResult fromPut = ImpliedVolatility.SolveBlack76(put, c.Forward, c.Strike, c.TenorYears, c.DiscountFactor, OptionRight.Put);

        double tolerance = Math.Max(1e-12, 32.0 * (1.0 + kappa) * 2.220446049250313e-16);
        Assert.True(Math.Abs(fromCall.LognormalVol - fromPut.LognormalVol) <= tolerance * c.Vol, $"{c}: {fromCall.LognormalVol:R} vs {fromPut.LognormalVol:R}");
    }

    [Property(Arbitrary = [typeof(OptionCaseArbitrary)], MaxTest = 500)]
    public void SolveBlack76_PriceBelowIntrinsicOrAboveBound_NeverSolves(OptionCase c)
    {
        double intrinsic = c.DiscountFactor * Math.Max(c.Right == OptionRight.Call ? c.Forward - c.Strike : c.Strike - c.Forward, 0.0);
        double upper = c.DiscountFactor * (c.Right == OptionRight.Call ? c.Forward : c.Strike);

        ImpliedVolResult below = ImpliedVolatility.SolveBlack76(intrinsic * (1.0 - 1e-9) - 1e-12, c.Forward, c.Strike, c.TenorYears, c.DiscountFactor, c.Right);
        ImpliedVolResult above = ImpliedVolatility.SolveBlack76(upper * (1.0 + 1e-12), c.Forward, c.Strike, c.TenorYears, c.DiscountFactor, c.Right);

        Assert.Contains(below.Status, new[] { ImpliedVolStatus.BelowIntrinsic, ImpliedVolStatus.NonPositivePrice });
        Assert.Equal(ImpliedVolStatus.AboveUpperBound, above.Status);
    }
}

/// <summary>One generated option: σ, tenor, ln(F/K) in standard deviations, forward, discount factor, right.</summary>
public sealed record OptionCase(double Vol, double TenorYears, double Deviations, double Forward, double DiscountFactor, OptionRight Right)
{
    public double StdDev => Vol * Math.Sqrt(TenorYears);

    public double Strike => Forward * Math.Exp(-Deviations * StdDev);
}

/// <summary>FsCheck generators, log-uniform where the domain spans decades.</summary>
public static class OptionCaseArbitrary
{
    public static Arbitrary<OptionCase> OptionCase()
    {
        Gen<double> unit = Gen.Choose(0, 1_000_000).Select(i => i / 1_000_000.0);
        Gen<OptionCase> gen =
            from vol in unit.Select(u => 0.01 * Math.Pow(500.0, u))
            from tenor in unit.Select(u => Math.Pow(87600.0, u) / 8760.0)
            from deviations in unit.Select(u => -12.0 + 24.0 * u)
            from forward in unit.Select(u => 1e-3 * Math.Pow(1e9, u))
            from discountFactor in unit.Select(u => 0.5 + 0.5 * u)
            from right in Gen.Elements(OptionRight.Call, OptionRight.Put)
            select new OptionCase(vol, tenor, deviations, forward, discountFactor, right);
        return Arb.From(gen);
    }
}
