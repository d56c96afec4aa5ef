using Nethereum.RPC.Eth.DTOs;

namespace Analytics.Data.Indexing;

/// <summary>A block header as the indexer needs it.</summary>
public sealed record BlockHeader(long Number, string Hash, string ParentHash, DateTime TimestampUtc);

/// <summary>
/// Gas paid by one transaction: gas used and the effective gas price in wei, and the L1 data fee in wei that OP-stack
/// chains (and Scroll) charge on top and report as the receipt's <c>l1Fee</c> (0 where the receipt has none: Arbitrum
/// counts its L1 cost in <c>gasUsed</c>, and L1 itself has none).
/// </summary>
public sealed record TransactionGas(double GasUsed, double EffectiveGasPriceWei, double L1FeeWei = 0)
{
    /// <summary>What the transaction paid, wei: gas used × effective gas price + the L1 data fee.</summary>
    public double TotalFeeWei => GasUsed * EffectiveGasPriceWei + L1FeeWei;
}

/// <summary>The JSON-RPC calls the indexer makes (<see cref="NethereumChainClient"/>); every call may throw on node or transport failure.</summary>
public interface IChainClient
{
    Task<long> HeadAsync(CancellationToken cancellationToken);

    /// <summary><c>eth_getLogs</c> of <paramref name="contract"/> over [<paramref name="fromBlock"/>, <paramref name="toBlock"/>].</summary>
    Task<FilterLog[]> LogsAsync(string contract, long fromBlock, long toBlock, CancellationToken cancellationToken);

    /// <summary>Headers of the given blocks (one batched request); a block the node does not have is missing from the answer.</summary>
    Task<IReadOnlyDictionary<long, BlockHeader>> BlocksAsync(IReadOnlyCollection<long> numbers, CancellationToken cancellationToken);

    /// <summary>
    /// Gas of the given transactions, by lower-case transaction hash (<c>eth_getTransactionReceipt</c>, batched); a
    /// transaction the node does not know is missing from the answer.
    /// </summary>
    Task<IReadOnlyDictionary<string, TransactionGas>> ReceiptsAsync(IReadOnlyCollection<string> transactions, CancellationToken cancellationToken);
}
