namespace Analytics.Data.Entities;

/// <summary>
/// Gas paid for one indexed trade, from its transaction's receipt: gas used × effective gas price plus the L1 data fee
/// (OP-stack and Scroll receipts' <c>l1Fee</c>), shared equally by the trades of one transaction. Keyed like the trade (chain, tx hash, log index).
/// </summary>
public sealed class TradeGasEntity
{
    public long Id { get; set; }
    public required string Chain { get; set; }
    public required string TxHash { get; set; }
    public int LogIndex { get; set; }

    /// <summary>The indexer source that stored it (reorg repair removes a source's rows above the fork).</summary>
    public required string SourceId { get; set; }

    public long BlockNumber { get; set; }
    public DateTime TimestampUtc { get; set; }

    /// <summary>This trade's share of the transaction's gas used (gas units).</summary>
    public double GasUsed { get; set; }

    /// <summary>Effective gas price of the transaction, wei per gas unit.</summary>
    public double EffectiveGasPriceWei { get; set; }

    /// <summary>This trade's share of the transaction's L1 data fee in ETH (the receipt's <c>l1Fee</c> / 1e18; 0 without one).</summary>
    public double L1FeeNative { get; set; }

    /// <summary>This trade's gas cost in the chain's native token (ETH): (gas used × effective gas price + L1 data fee) / 1e18.</summary>
    public double GasCostNative { get; set; }

    /// <summary>
    /// The native token's USD price used: the latest ETH price at or before the trade's block time (an event's index price,
    /// an ETH trade's own, or a stored ETH price) at most <c>Indexer:NativePriceMaxAgeSeconds</c> old; null when none was.
    /// </summary>
    public double? NativePriceUsd { get; set; }

    /// <summary><see cref="GasCostNative"/> × <see cref="NativePriceUsd"/>; null when no price was known.</summary>
    public double? GasCostUsd { get; set; }
}
