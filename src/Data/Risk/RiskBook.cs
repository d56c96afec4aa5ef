using System.Collections.Immutable;
using Analytics.Pricing.Risk;

namespace Analytics.Data.Risk;

/// <summary>
/// A book as the risk engine values it: its positions (the numerics' <see cref="RiskPosition"/>, in the portfolio's order)
/// and its collateral. Coin collateral moves with the market (a Deribit account margined in BTC loses collateral value
/// exactly when short puts lose), so it is revalued like a spot position; dollar collateral (USD, USDC, USDT) does not move.
/// </summary>
/// <param name="Positions">The positions.</param>
/// <param name="Collateral">Collateral per asset symbol (upper case), in units of the asset.</param>
public sealed record RiskBook(ImmutableArray<RiskPosition> Positions, ImmutableSortedDictionary<string, double> Collateral)
{
    /// <summary>Assets worth one US dollar each.</summary>
    public static readonly ImmutableHashSet<string> DollarAssets = ["USD", "USDC", "USDT"];

    /// <summary>The book of a portfolio definition: positions in order, collateral summed per asset.</summary>
    public static RiskBook Of(Portfolios.PortfolioDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new(definition.ToRiskPositions(), definition.Collateral
            .GroupBy(c => c.Asset, StringComparer.Ordinal)
            .ToImmutableSortedDictionary(g => g.Key, g => g.Sum(c => c.Amount), StringComparer.Ordinal));
    }

    /// <summary>Coin collateral as spot positions, after the book's positions (so position indexes stay the book's).</summary>
    public ImmutableArray<RiskPosition> WithCoinCollateral() =>
        [.. Positions, .. Collateral.Where(c => !DollarAssets.Contains(c.Key) && c.Value != 0).Select(c => RiskPosition.OfSpot(c.Key, c.Value))];

    /// <summary>The underlyings whose prices and surfaces the book needs (positions and coin collateral).</summary>
    public ImmutableArray<string> Underlyings() => [.. WithCoinCollateral().Select(p => p.Underlying).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
