using Analytics.Pricing.Black;
using MathNet.Numerics.Distributions;

namespace Analytics.Pricing.Tests.Black;

/// <summary>
/// Strikes of a forward delta: with a flat vol the closed form of U. Wystup, "FX Options and Structured Products", 2nd ed.,
/// §1.5 (K = F·exp(σ²T/2 − σ√T·N⁻¹(Δ_call)), a put of delta Δ having Δ_call = 1 + Δ); with a smile, the solved strike's delta
/// at its own vol is the target.
/// </summary>
public sealed class DeltaStrikeTests
{
    [Theory]
    [InlineData(3000, 30 / 365.0, 0.25, 0.6)]
    [InlineData(3000, 30 / 365.0, -0.25, 0.6)]
    [InlineData(90000, 1.0, 0.10, 0.45)]
    [InlineData(90000, 2.0, -0.40, 1.2)]
    public void FlatVol_IsWystupsClosedForm(double forward, double tenor, double delta, double vol)
    {
        double callDelta = delta > 0 ? delta : 1 + delta;
        double expected = forward * Math.Exp(0.5 * vol * vol * tenor - vol * Math.Sqrt(tenor) * Normal.InvCDF(0, 1, callDelta));

        Assert.Equal(expected, DeltaStrike.Solve(forward, tenor, delta, _ => vol), 1e-9 * expected);
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(-0.25)]
    [InlineData(0.05)]
    [InlineData(-0.05)]
    public void Smile_SolvedStrikesDeltaAtItsOwnVol_IsTheTarget(double delta)
    {
        const double forward = 3000, tenor = 0.1;
        double Smile(double k) => 0.55 + 0.4 * Math.Pow(Math.Log(k / forward), 2) - 0.1 * Math.Log(k / forward); // skewed, convex
        double strike = DeltaStrike.Solve(forward, tenor, delta, Smile);

        double sigma = Smile(strike);
        double d1 = (Math.Log(forward / strike) + 0.5 * sigma * sigma * tenor) / (sigma * Math.Sqrt(tenor));
        double achieved = Normal.CDF(0, 1, d1) - (delta < 0 ? 1 : 0);
        Assert.Equal(delta, achieved, 1e-10);
        Assert.True(delta > 0 ? strike > forward * 0.99 : strike < forward * 1.01, $"strike {strike}");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void DeltaOutsideTheOpenIntervals_IsRefused(double delta) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DeltaStrike.Solve(3000, 0.1, delta, _ => 0.5));
}
