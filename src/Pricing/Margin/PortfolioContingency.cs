using Analytics.Pricing.Risk;

namespace Analytics.Pricing.Margin;

/// <summary>
/// Contingency margin a portfolio model adds to its scaled worst loss for risks its scenarios do not encode (Derive
/// v2-core <c>PMRMLib_2.addPrecomputes</c>, <c>_addOptionContingency</c>), per underlying at spot S:
/// <list type="bullet">
/// <item>perpetuals: |net perp quantity|·S times <see cref="PerpMaintenanceFraction"/> (Derive <c>MMPerpPercent</c>);</item>
/// <item>naked short options: per expiry and strike, calls and puts together, max(0, −Σ quantity) (a long option at the
/// same strike and expiry covers a short one, as Derive's filter pairs them), times S times
/// <see cref="NakedShortMaintenanceFraction"/> (Derive <c>MMOptionPercent</c>);</item>
/// <item>coin (spot holdings and coin collateral): |net quantity|·S times <see cref="CoinMaintenanceFraction"/> (Derive's
/// collateral <c>MMHaircut</c>).</item>
/// </list>
/// The initial fractions are added on top of the maintenance ones for initial margin (Derive: "added on top of
/// MMPerpPercent"). Immutable and validated on construction.
/// </summary>
public sealed record PortfolioContingency
{
    /// <summary>Creates validated contingency fractions.</summary>
    /// <param name="perpMaintenanceFraction">In [0, 3].</param>
    /// <param name="perpInitialFraction">Extra for initial margin, in [0, 3].</param>
    /// <param name="nakedShortMaintenanceFraction">In [0, 2].</param>
    /// <param name="nakedShortInitialFraction">Extra for initial margin, in [0, 2].</param>
    /// <param name="coinMaintenanceFraction">In [0, 1].</param>
    /// <param name="coinInitialFraction">Extra for initial margin, in [0, 1 − <paramref name="coinMaintenanceFraction"/>].</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range or not finite.</exception>
    public PortfolioContingency(double perpMaintenanceFraction, double perpInitialFraction, double nakedShortMaintenanceFraction,
        double nakedShortInitialFraction, double coinMaintenanceFraction, double coinInitialFraction)
    {
        PerpMaintenanceFraction = Bounds.In(perpMaintenanceFraction, 0, 3, nameof(perpMaintenanceFraction));
        PerpInitialFraction = Bounds.In(perpInitialFraction, 0, 3, nameof(perpInitialFraction));
        NakedShortMaintenanceFraction = Bounds.In(nakedShortMaintenanceFraction, 0, 2, nameof(nakedShortMaintenanceFraction));
        NakedShortInitialFraction = Bounds.In(nakedShortInitialFraction, 0, 2, nameof(nakedShortInitialFraction));
        CoinMaintenanceFraction = Bounds.In(coinMaintenanceFraction, 0, 1, nameof(coinMaintenanceFraction));
        CoinInitialFraction = Bounds.In(coinInitialFraction, 0, 1 - coinMaintenanceFraction, nameof(coinInitialFraction));
    }

    /// <summary>Maintenance fraction of the net perpetual notional.</summary>
    public double PerpMaintenanceFraction { get; }

    /// <summary>Initial fraction of the net perpetual notional, on top of the maintenance one.</summary>
    public double PerpInitialFraction { get; }

    /// <summary>Maintenance fraction of the naked short options' notional.</summary>
    public double NakedShortMaintenanceFraction { get; }

    /// <summary>Initial fraction of the naked short options' notional, on top of the maintenance one.</summary>
    public double NakedShortInitialFraction { get; }

    /// <summary>Maintenance fraction of the coin's value.</summary>
    public double CoinMaintenanceFraction { get; }

    /// <summary>Initial fraction of the coin's value, on top of the maintenance one.</summary>
    public double CoinInitialFraction { get; }

    /// <summary>The contingency of one underlying's positions at spot <paramref name="spot"/>.</summary>
    /// <param name="positions">The underlying's positions (held and coin collateral).</param>
    /// <param name="spot">Its spot, USD.</param>
    /// <returns>Maintenance contingency and the extra for initial margin, USD.</returns>
    public (double MaintenanceUsd, double InitialExtraUsd) Of(IEnumerable<RiskPosition> positions, double spot)
    {
        ArgumentNullException.ThrowIfNull(positions);
        double perps = 0, coin = 0;
        var strikes = new Dictionary<(DateTimeOffset Expiry, double Strike), double>();
        foreach (var position in positions)
        {
            switch (position.Kind)
            {
                case RiskInstrumentKind.Perpetual: perps += position.Quantity; break;
                case RiskInstrumentKind.Spot: coin += position.Quantity; break;
                case RiskInstrumentKind.Option:
                    var key = (position.Option!.ExpiryUtc, position.Option.Strike);
                    strikes[key] = strikes.GetValueOrDefault(key) + position.Quantity;
                    break;
            }
        }

        double naked = strikes.Values.Sum(q => Math.Max(-q, 0.0));
        double perpUsd = Math.Abs(perps) * spot, nakedUsd = naked * spot, coinUsd = Math.Abs(coin) * spot;
        return (PerpMaintenanceFraction * perpUsd + NakedShortMaintenanceFraction * nakedUsd + CoinMaintenanceFraction * coinUsd,
            PerpInitialFraction * perpUsd + NakedShortInitialFraction * nakedUsd + CoinInitialFraction * coinUsd);
    }
}
