using Nethereum.RPC.Eth.DTOs;

namespace Analytics.Data.Indexing;

/// <summary>A block header as the indexer needs it.</summary>
public sealed record BlockHeader(long Number, string Hash, string ParentHash, DateTime TimestampUtc);

/// <summary>Gas paid by one transaction: gas used and the effective gas price in wei.</summary>
public sealed record TransactionGas(double GasUsed, double EffectiveGasPriceWei);

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
