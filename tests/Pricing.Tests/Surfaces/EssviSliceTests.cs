using Analytics.Pricing.Surfaces;

namespace Analytics.Pricing.Tests.Surfaces;

/// <summary>
/// eSSVI slices (Hendriks &amp; Martini 2019; parameters (θ, ρ, ψ) of Corbetta et al. 2019): the raw SVI form of Gatheral &amp;
/// Jacquier (2014, Lemma 3.2), Theorem 4.2's butterfly region, and the calendar region between slices, including
/// Theorem 4.1's necessary condition flagged by the calendar diagnostic when it fails.
/// </summary>
public sealed class EssviSliceTests
{
    [Fact]
    public void ToRawSvi_ExampleSlice_HasTheLemma32Parameters()
    {
        // θ = 0.04, ρ = −0.4, ψ = 0.06 (φ = 1.5), by hand from GJ 2014 Lemma 3.2 (Δ = μ = 0, ω = θ, ζ = φ):
        // a = θ(1 − ρ²)/2 = 0.0168, b = θφ/2 = 0.03, m = −ρ/φ = 0.26666…, σ = √(1 − ρ²)/φ = √0.84/1.5 = 0.611010…
        var raw = new EssviSlice(0.04, -0.4, 0.06).ToRawSvi();

        Assert.Equal(0.0168, raw.A, 15);
        Assert.Equal(0.03, raw.B, 15);
        Assert.Equal(-0.4, raw.Rho, 15);
        Assert.Equal(0.4 / 1.5, raw.M, 14);
        Assert.Equal(0.6110100926607787, raw.Sigma, 14);
    }

    [Theory]
    [InlineData(-1.5)]
    [InlineData(-0.2)]
    [InlineData(0.0)]
    [InlineData(0.35)]
    [InlineData(2.0)]
    public void TotalVariance_AnyK_EqualsTheSsviFormulaAndTheRawForm(double k)
    {
        double theta = 0.09, rho = 0.3, psi = 0.25, phi = psi / theta;
        var slice = new EssviSlice(theta, rho, psi);
        // Gatheral & Jacquier (2014), eq. 4.1 with the slice's own ρ.
        double ssvi = theta / 2 * (1 + rho * phi * k + Math.Sqrt((phi * k + rho) * (phi * k + rho) + 1 - rho * rho));

        Assert.Equal(ssvi, slice.TotalVariance(k), 14);
        Assert.Equal(ssvi, slice.ToRawSvi().TotalVariance(k), 14);
    }

    [Theory]
    [InlineData(0.04, 0.0, 3.9, true)]     // ψ(1 + |ρ|) = 3.9 ≤ 4 but ψ²(1 + |ρ|) = 15.21 > 4θ = 0.16
    [InlineData(1.0, 0.5, 2.7, true)]      // ψ(1 + |ρ|) = 4.05 > 4
    [InlineData(0.01, -0.3, 0.18, true)]   // ψ²(1 + |ρ|) = 0.0421 > 4θ = 0.04
    [InlineData(0.01, -0.3, 0.17, false)]  // 0.0376 ≤ 0.04
    public void Constructor_Theorem42Region_RejectsSlicesOutsideIt(double theta, double rho, double psi, bool throws)
    {
        var create = () => new EssviSlice(theta, rho, psi);

        if (throws)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => create());
        }
        else
        {
            Assert.True(ArbitrageDiagnostics.Diagnose(create().ToRawSvi()).IsArbitrageFree);
        }
    }

    [Fact]
    public void PrecedesWithoutCalendarArbitrage_WingSlopesGrowButPhiGrows_IsFalseAndTheSlicesCross()
    {
        // Same θ, ρ 0 → 0.5, ψ 0.1 → 0.2: both wing slopes ψ(1 ± ρ) grow (p = 2, ψ₂ = pψ₁) but φ doubles, and
        // w₂′(0) = ρ₂ψ₂ = 0.1 > w₁′(0) = 0 with w₂(0) = w₁(0): the later slice dips below the earlier just left of k = 0.
        var near = new EssviSlice(0.04, 0.0, 0.1);
        var far = new EssviSlice(0.04, 0.5, 0.2);
        var t1 = new DateTimeOffset(2026, 3, 27, 8, 0, 0, TimeSpan.Zero);

        Assert.False(EssviSlice.PrecedesWithoutCalendarArbitrage(near, far));
        var violation = Assert.Single(ArbitrageDiagnostics.DiagnoseCalendar([(t1, near.ToRawSvi()), (t1.AddDays(30), far.ToRawSvi())], -2.0, 2.0, 4001));
        Assert.True(violation.ToLogMoneyness <= 0.0 && violation.FromLogMoneyness < -0.1, violation.ToString());
    }

    [Fact]
    public void PrecedesWithoutCalendarArbitrage_RandomSlicesInTheRegion_NeverCross()
    {
        var random = new Random(20260105);
        var t1 = new DateTimeOffset(2026, 3, 27, 8, 0, 0, TimeSpan.Zero);
        int checkedPairs = 0;
        for (int n = 0; n < 400; n++)
        {
            double theta1 = 0.001 + random.NextDouble(), rho1 = 1.9 * random.NextDouble() - 0.95, rho2 = 1.9 * random.NextDouble() - 0.95;
            double psi1 = Math.Min(4.0 / (1 + Math.Abs(rho1)), Math.Sqrt(4 * theta1 / (1 + Math.Abs(rho1)))) * random.NextDouble();
            double p = Math.Max((1 + rho1) / (1 + rho2), (1 - rho1) / (1 - rho2));
            double theta2 = p * theta1 * (1 + 2 * random.NextDouble());
            double psi2 = p * psi1 + (psi1 * theta2 / theta1 - p * psi1) * random.NextDouble();
            if (psi1 <= 0 || psi2 * (1 + Math.Abs(rho2)) > 4 || psi2 * psi2 * (1 + Math.Abs(rho2)) > 4 * theta2)
            {
                continue;
            }

            var near = new EssviSlice(theta1, rho1, psi1);
            var far = new EssviSlice(theta2, rho2, psi2);
            Assert.True(EssviSlice.PrecedesWithoutCalendarArbitrage(near, far));
            Assert.Empty(ArbitrageDiagnostics.DiagnoseCalendar([(t1, near.ToRawSvi()), (t1.AddDays(30), far.ToRawSvi())], -20.0, 20.0, 8001));
            checkedPairs++;
        }

        Assert.True(checkedPairs > 200, $"{checkedPairs} pairs");
    }

    [Fact]
    public void DiagnoseCalendar_SsviPairWithThetaPhiFalling_FlagsBothWings()
    {
        // Gatheral & Jacquier (2014), Theorem 4.1: no calendar arbitrage needs ∂_θ(θφ(θ)) ≥ 0. Here θ rises 0.04 → 0.05 while
        // θφ = ψ falls 0.12 → 0.10 (same ρ): both wing slopes ψ(1 ± ρ)/2 fall, so the later slice ends below in both wings.
        var near = SviParameters.FromSsviSlice(0.04, 3.0, -0.3);
        var far = SviParameters.FromSsviSlice(0.05, 2.0, -0.3);
        var t1 = new DateTimeOffset(2026, 3, 27, 8, 0, 0, TimeSpan.Zero);

        var violations = ArbitrageDiagnostics.DiagnoseCalendar([(t1, near), (t1.AddDays(30), far)], -5.0, 5.0, 2001);

        Assert.Equal(2, violations.Length);
        Assert.Equal(-5.0, violations[0].FromLogMoneyness);
        Assert.Equal(5.0, violations[1].ToLogMoneyness);
    }
}
