using System.ComponentModel;

namespace Analytics.Api.Contracts.Surfaces;

/// <summary>Vols on a log-moneyness × tenor grid.</summary>
public sealed record SurfaceGridResponse(
    [property: Description("Surface id.")] long SurfaceId,
    [property: Description("Log-moneyness grid k = ln(K/F_T).")] IReadOnlyList<double> LogMoneyness,
    [property: Description("Tenor grid, years.")] IReadOnlyList<double> TenorsYears,
    [property: Description("Implied vols, annualised decimals: `vols[i][j]` at tenor i and log-moneyness j.")] IReadOnlyList<double[]> Vols);
