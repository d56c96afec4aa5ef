using Analytics.Pricing.Market;

namespace Analytics.Pricing.L2;

/// <summary>
/// The facts of one chain that move prices and margins (PRODUCT.md §3.4): how long proceeds take to reach L1,
/// how fast blocks come, what a transaction costs and how long a liquidation takes to land.
/// </summary>
/// <param name="Id">Chain id as used in requests, e.g. <c>arbitrum-one</c>.</param>
/// <param name="Name">Display name, e.g. <c>Arbitrum One</c>.</param>
/// <param name="Rollup">L1, optimistic or ZK rollup.</param>
/// <param name="WithdrawalDelayHours">Time for an L2 → L1 withdrawal to become final, in hours (0 on L1).</param>
/// <param name="BlockTimeSeconds">Typical time between blocks, in seconds.</param>
/// <param name="GasCostUsd">Typical gas cost of one contract-call transaction, in USD.</param>
/// <param name="LiquidationLatencySeconds">Typical time for a liquidation to land on chain, in seconds.</param>
/// <param name="Source">Where these defaults come from, with the date they were taken.</param>
public readonly record struct ChainProfile(
    string Id,
    string Name,
    RollupKind Rollup,
    double WithdrawalDelayHours,
    double BlockTimeSeconds,
    double GasCostUsd,
    double LiquidationLatencySeconds,
    string Source)
{
    /// <summary>The withdrawal delay as a year fraction (Act/365F), the δ of the settlement discount.</summary>
    public double WithdrawalDelayYears => YearFraction.FromHours(WithdrawalDelayHours);

    /// <summary>
    /// This profile with the per-request overrides of API.md applied (<c>gasCostUsd</c>, <c>withdrawalDelayHours</c>,
    /// <c>liquidationLatencySeconds</c>); a <see langword="null"/> override keeps the configured figure. Values are not
    /// validated here: the pricers that consume the profile guard them.
    /// </summary>
    /// <param name="gasCostUsd">Gas cost of one transaction in USD, or <see langword="null"/> to keep the profile's.</param>
    /// <param name="withdrawalDelayHours">L2 → L1 withdrawal delay in hours, or <see langword="null"/> to keep the profile's.</param>
    /// <param name="liquidationLatencySeconds">Liquidation latency in seconds, or <see langword="null"/> to keep the profile's.</param>
    /// <returns>A copy with the given figures replaced.</returns>
    public ChainProfile WithOverrides(double? gasCostUsd = null, double? withdrawalDelayHours = null, double? liquidationLatencySeconds = null) =>
        this with
        {
            GasCostUsd = gasCostUsd ?? GasCostUsd,
            WithdrawalDelayHours = withdrawalDelayHours ?? WithdrawalDelayHours,
            LiquidationLatencySeconds = liquidationLatencySeconds ?? LiquidationLatencySeconds,
        };
}
