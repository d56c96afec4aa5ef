using System.ComponentModel;

namespace Analytics.Api.Contracts.Surfaces;

/// <summary>The surface's implied vol at one point.</summary>
public sealed record SurfaceVolResponse(
    [property: Description("Surface id.")] long SurfaceId,
    [property: Description("Implied lognormal (Black) vol, annualised decimal.")] double Vol,
    [property: Description("Total implied variance w = vol²·T.")] double TotalVariance,
    [property: Description("k = ln(K/F_T) the vol was read at.")] double LogMoneyness,
    [property: Description("T, years (Act/365F from the surface's as-of).")] double TenorYears,
    [property: Description("Forward F_T, USD (ln F linear in T between slices, flat outside).")] double Forward,
    [property: Description("Strike K = F_T·e^k, USD.")] double Strike,
    [property: Description("Which rule gave the vol, in tenor and in strike.")] SurfaceExtrapolationResponse Extrapolation);
