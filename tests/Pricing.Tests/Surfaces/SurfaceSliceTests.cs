using Analytics.Pricing.Surfaces;

namespace Analytics.Pricing.Tests.Surfaces;

/// <summary>
/// The slice's vol query (used by the option chain and the smile picture instead of their own SVI formula), against raw SVI
/// written out here: w(k) = a + b(ρ(k − m) + √((k − m)² + σ²)), σ_BS(k) = √(w(k)/T) (Gatheral 2004, eq. 1).
/// </summary>
public sealed class SurfaceSliceTests
{
    private const double TenorYears = 0.25;
    private const double Forward = 3000;
    private static readonly SviParameters Svi = new(0.05, 0.14, -0.3, 0.02, 0.2);

    public static TheoryData<double> LogMoneyness => new() { -2.0, -0.75, -0.1, 0.0, 0.02, 0.3, 1.1, 2.5 };

    [Theory, MemberData(nameof(LogMoneyness))]
    public void LognormalVol_RawSviSlice_IsRootOfTotalVarianceOverTenorBitForBit(double k)
    {
        var slice = Slice(Svi);
        var (a, b, rho, m, sigma) = (0.05, 0.14, -0.3, 0.02, 0.2);
        var expected = Math.Sqrt(Math.Max(a + b * (rho * (k - m) + Math.Sqrt((k - m) * (k - m) + sigma * sigma)), 0.0) / TenorYears);

        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(slice.LognormalVol(k)));
    }

    [Fact]
    public void LognormalVolAtStrike_Strike_IsTheVolAtLogMoneynessFromTheSliceForward()
    {
        var slice = Slice(Svi);

        Assert.Equal(slice.LognormalVol(Math.Log(3300 / Forward)), slice.LognormalVolAtStrike(3300));
        Assert.Equal(slice.LognormalVol(0.0), slice.LognormalVolAtStrike(Forward));
        Assert.Throws<ArgumentOutOfRangeException>(() => slice.LognormalVolAtStrike(0));
    }

    private static SurfaceSlice Slice(SviParameters parameters) => new(
        new DateTimeOffset(2026, 4, 6, 8, 0, 0, TimeSpan.Zero), TenorYears, Forward, ForwardSource.Venue, 1.0, parameters, 0.0, [],
        ArbitrageDiagnostics.Diagnose(parameters), false, TimeSpan.Zero);
}
