namespace Analytics.Pricing.Tests;

/// <summary>
/// <see cref="GreekUnitConversion"/>: the venues' units are the plain partial derivatives divided by the factors of
/// their definitions (a vol point and 1 % of rate are 0.01, a calendar day is 1/365 of an Act/365F year).
/// </summary>
public sealed class GreekUnitConversionTests
{
    private static readonly Greeks Plain = new(Delta: 0.54, Gamma: 0.0198, Vega: 39.7, Theta: -3.97, Rho: 46.0, CarryRho: 54.0,
        Vanna: 0.198, Volga: -1.98, Charm: -0.0198);

    [Fact]
    public void Convert_PerUnit_ReturnsTheGreeksUnchanged()
    {
        Assert.Equal(Plain, GreekUnitConversion.Convert(Plain, GreekUnits.PerUnit));
    }

    [Fact]
    public void Convert_PerVolPointPerDay_DividesEachGreekByItsUnit()
    {
        var venue = GreekUnitConversion.Convert(Plain, GreekUnits.PerVolPointPerDay);

        Assert.Equal(new Greeks(0.54, 0.0198, 39.7 / 100, -3.97 / 365, 46.0 / 100, 54.0 / 100, 0.198 / 100, -1.98 / 10_000, -0.0198 / 365), venue);
    }

    [Fact]
    public void Convert_NotAUnit_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GreekUnitConversion.Convert(Plain, (GreekUnits)7));
    }
}
