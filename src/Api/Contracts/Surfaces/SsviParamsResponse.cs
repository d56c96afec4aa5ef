using System.ComponentModel;

namespace Analytics.Api.Contracts.Surfaces;

/// <summary>SSVI parameters (Gatheral and Jacquier 2014, power-law φ(θ) = η θ^−γ).</summary>
public sealed record SsviParamsResponse(
    [property: Description("Correlation ρ.")] double Rho,
    [property: Description("η > 0.")] double Eta,
    [property: Description("γ in (0, 1].")] double Gamma);
