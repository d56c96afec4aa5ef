namespace Analytics.Api.Contracts.Surfaces;

/// <summary>Which parameterisation to fit (API.md, Surfaces).</summary>
public enum SurfaceModelKind
{
    /// <summary>Raw SVI per expiry slice (quasi-explicit calibration).</summary>
    Svi,

    /// <summary>SSVI across expiries (power-law φ), θ from the raw SVI slices.</summary>
    Ssvi,
}
