using System.ComponentModel;

namespace Analytics.Api.Contracts.Surfaces;

/// <summary>Raw SVI parameters of one slice (Gatheral 2004).</summary>
public sealed record SviParamsResponse(
    [property: Description("Level a, total variance (dimensionless).")] double A,
    [property: Description("Wing slope scale b ≥ 0, total variance per unit of log-moneyness.")] double B,
    [property: Description("Skew ρ, −1 < ρ < 1.")] double Rho,
    [property: Description("Shift m, log-moneyness.")] double M,
    [property: Description("ATM curvature σ > 0, log-moneyness.")] double Sigma);
