namespace Analytics.Pricing.Surfaces;

/// <summary>Which parameterisation a surface was fitted with.</summary>
public enum SurfaceModel
{
    /// <summary>Raw SVI per expiry, calibrated independently (<see cref="RawSviCalibrator"/>). API id <c>svi</c>.</summary>
    Svi = 0,

    /// <summary>SSVI across expiries with the power-law φ (<see cref="SsviCalibrator"/>). API id <c>ssvi</c>.</summary>
    Ssvi = 1,

    /// <summary>
    /// Extended SSVI: a (θ, ρ, ψ) per expiry, arbitrage-free by construction (<see cref="EssviCalibrator"/>; Hendriks &amp;
    /// Martini 2019). API id <c>essvi</c>.
    /// </summary>
    Essvi = 2,
}
