using System.Collections.Immutable;

namespace Analytics.Pricing.Surfaces;

/// <summary>
/// Vols on a log-moneyness × tenor grid (API.md <c>GET /surfaces/{id}/grid</c>), row-major by tenor:
/// <c>LognormalVols[i·LogMoneyness.Length + j]</c> is the vol at tenor i and log-moneyness j.
/// </summary>
/// <param name="LogMoneyness">Grid of k = ln(K/F_T).</param>
/// <param name="TenorsYears">Grid of tenors in years.</param>
/// <param name="LognormalVols">Implied vols, annualised decimals, row-major by tenor.</param>
public sealed record VolGrid(
    ImmutableArray<double> LogMoneyness, ImmutableArray<double> TenorsYears, ImmutableArray<double> LognormalVols)
{
    /// <summary>The vol at tenor index <paramref name="tenorIndex"/> and log-moneyness index <paramref name="logMoneynessIndex"/>.</summary>
    /// <param name="tenorIndex">Row, 0 ≤ i &lt; TenorsYears.Length.</param>
    /// <param name="logMoneynessIndex">Column, 0 ≤ j &lt; LogMoneyness.Length.</param>
    public double Vol(int tenorIndex, int logMoneynessIndex) => LognormalVols[tenorIndex * LogMoneyness.Length + logMoneynessIndex];
}
