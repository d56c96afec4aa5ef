using Analytics.Pricing.Surfaces;

namespace Analytics.Pricing.Tests.Surfaces;

/// <summary>
/// Butterfly (Durrleman's g), Lee wing and calendar diagnostics (Gatheral &amp; Jacquier, "Arbitrage-free SVI volatility
/// surfaces", Quantitative Finance 14(1), 2014).
/// </summary>
public sealed class ArbitrageDiagnosticsTests
{
    /// <summary>
    /// Gatheral &amp; Jacquier (2014), Example 3.1: Axel Vogt's slice (a, b, m, ρ, σ) = (−0.0410, 0.1331, 0.3586, 0.3060, 0.4153)
    /// at T = 1 satisfies the usual SVI conditions yet has a negative density (their Figure 2); values as quoted in the
    /// paper and in Le Floc'h, "Dearbitraging a weak smile on SVI" (chasethedevil.github.io). g &lt; 0 for k in about
    /// (0.64, 1.26), minimum ≈ −0.033 near k ≈ 0.88 (our evaluation of the formula).
    /// </summary>
    private static readonly SviParameters VogtSlice = new(a: -0.0410, b: 0.1331, rho: 0.3060, m: 0.3586, sigma: 0.4153);

    [Fact]
    public void Diagnose_GatheralJacquierExample31_FindsButterflyArbitrageBetweenAboutK064AndK126()
    {
        var diagnosis = ArbitrageDiagnostics.Diagnose(VogtSlice);

        Assert.False(diagnosis.IsArbitrageFree);
        Assert.True(diagnosis.LeeWingBoundHolds);
        var violation = Assert.Single(diagnosis.Violations);
        Assert.InRange(violation.FromLogMoneyness, 0.62, 0.66);
        Assert.InRange(violation.ToLogMoneyness, 1.24, 1.28);
        Assert.InRange(violation.MinimumG, -0.034, -0.032);
        Assert.InRange(violation.LogMoneynessAtMinimum, 0.85, 0.91);
        Assert.Contains("butterfly violated", diagnosis.Reason);
    }

    [Fact]
    public void Diagnose_CleanSlice_ReportsNoArbitrage()
    {
        // An SSVI slice inside Gatheral & Jacquier's Theorem 4.2 region (θφ(1+|ρ|) < 4, θφ²(1+|ρ|) ≤ 4) in raw form.
        var clean = SviParameters.FromSsviSlice(atmTotalVariance: 0.04, phi: 1.5, rho: -0.4);

        var diagnosis = ArbitrageDiagnostics.Diagnose(clean);

        Assert.True(diagnosis.IsArbitrageFree, diagnosis.Reason);
        Assert.Empty(diagnosis.Violations);
        Assert.True(diagnosis.MinimumG > 0.0);
    }

    [Fact]
    public void Diagnose_SteepWing_ViolatesLeeBound()
    {
        // b(1 + ρ) = 2.4 > 2: total variance grows faster than Lee's moment formula allows (Lee 2004).
        var steep = new SviParameters(0.02, 1.5, 0.6, 0.0, 0.1);

        var diagnosis = ArbitrageDiagnostics.Diagnose(steep);

        Assert.False(diagnosis.LeeWingBoundHolds);
        Assert.False(diagnosis.IsArbitrageFree);
        Assert.Equal(2.4, diagnosis.RightWingSlope, 12);
    }

    [Fact]
    public void DiagnoseCalendar_CrossingSlices_ReportsWhereTotalVarianceFalls()
    {
        // Near slice: steep put skew; far slice: flat 0.05 total variance above the near one only for k > about −0.17.
        var near = new SviParameters(0.02, 0.2, -0.9, 0.0, 0.1);
        var far = new SviParameters(0.05, 0.01, 0.0, 0.0, 0.1);
        var t1 = new DateTimeOffset(2026, 3, 27, 8, 0, 0, TimeSpan.Zero);
        var t2 = t1.AddDays(91);

        var violations = ArbitrageDiagnostics.DiagnoseCalendar([(t2, far), (t1, near)], -1.0, 1.0, 2001);

        var v = Assert.Single(violations);
        Assert.Equal(t1, v.EarlierExpiryUtc);
        Assert.Equal(t2, v.LaterExpiryUtc);
        Assert.Equal(-1.0, v.FromLogMoneyness);
        // Crossing: near(k) = far(k); check the reported edge against a direct evaluation.
        Assert.True(near.TotalVariance(v.ToLogMoneyness) > far.TotalVariance(v.ToLogMoneyness));
        Assert.True(near.TotalVariance(v.ToLogMoneyness + 0.001) <= far.TotalVariance(v.ToLogMoneyness + 0.001));
        Assert.Equal(-1.0, v.LogMoneynessAtMaximum);
        Assert.Equal(near.TotalVariance(-1.0) - far.TotalVariance(-1.0), v.MaximumDeficit, 14);
    }

    [Fact]
    public void DiagnoseCalendar_NestedSlices_ReportsNothing()
    {
        var near = new SviParameters(0.02, 0.1, -0.5, 0.0, 0.1);
        var far = new SviParameters(0.04, 0.1, -0.5, 0.0, 0.1);
        var t1 = new DateTimeOffset(2026, 3, 27, 8, 0, 0, TimeSpan.Zero);

        Assert.Empty(ArbitrageDiagnostics.DiagnoseCalendar([(t1, near), (t1.AddDays(30), far)], -2.0, 2.0));
    }

    [Fact]
    public void DurrlemanG_FlatSmile_IsOneMinusSlopeTerms()
    {
        // b = 0: w ≡ a, w′ = w″ = 0, so g ≡ 1 (Gatheral & Jacquier 2014, eq. 2.1).
        var flat = new SviParameters(0.04, 0.0, 0.0, 0.0, 0.1);

        Assert.Equal(1.0, flat.DurrlemanG(0.7), 15);
    }
}
