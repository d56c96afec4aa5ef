namespace Analytics.Data.Portfolios;

/// <summary>
/// An amount of one collateral asset: a USD stablecoin (<c>USD</c>, <c>USDC</c>, <c>USDT</c>) or a coin (<c>BTC</c>,
/// <c>ETH</c>, …) valued at its indexed price, so coin collateral moves with its underlying in every scenario.
/// </summary>
public sealed record CollateralHolding
{
    /// <summary>Creates a validated holding.</summary>
    /// <param name="asset">Asset symbol (stored upper case).</param>
    /// <param name="amount">Units of the asset, finite and ≥ 0.</param>
    /// <exception cref="ArgumentException"><paramref name="asset"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative or not finite.</exception>
    public CollateralHolding(string asset, double amount)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(asset);
        if (!double.IsFinite(amount) || amount < 0)
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "The collateral amount must be finite and ≥ 0.");
        Asset = asset.Trim().ToUpperInvariant();
        Amount = amount;
    }

    /// <summary>Asset symbol, upper case.</summary>
    public string Asset { get; }

    /// <summary>Units of <see cref="Asset"/>, ≥ 0.</summary>
    public double Amount { get; }

    /// <summary>Whether the asset is one of <see cref="CollateralAssets.UsdStable"/>, valued at 1 USD.</summary>
    public bool IsUsd => CollateralAssets.IsUsd(Asset);
}
