namespace Analytics.Data.Portfolios;

/// <summary>
/// Which collateral assets a portfolio may hold: the USD stablecoins below (valued at 1 USD) and any underlying the
/// database has market data for (<see cref="Queries.KnownUnderlyings"/>), valued at its indexed price.
/// </summary>
public static class CollateralAssets
{
    /// <summary>Assets valued at one USD: <c>USD</c>, <c>USDC</c>, <c>USDT</c>.</summary>
    public static readonly IReadOnlyList<string> UsdStable = ["USD", "USDC", "USDT"];

    /// <summary>Whether <paramref name="asset"/> (any case) is one of <see cref="UsdStable"/>.</summary>
    public static bool IsUsd(string asset) => UsdStable.Contains(asset.ToUpperInvariant(), StringComparer.Ordinal);
}
