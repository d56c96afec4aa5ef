using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.RPC;

namespace Analytics.Data.Indexing;

/// <summary>The indexer's JSON-RPC calls through Nethereum (its HTTP client, request types and batching).</summary>
public sealed class NethereumChainClient(Uri rpcUrl) : IChainClient
{
    private readonly EthApiService _eth = new(new RpcClient(rpcUrl));

    public async Task<long> HeadAsync(CancellationToken cancellationToken) =>
        (long)(await _eth.Blocks.GetBlockNumber.SendRequestAsync()).Value;

    public Task<FilterLog[]> LogsAsync(string contract, long fromBlock, long toBlock, CancellationToken cancellationToken) =>
        _eth.Filters.GetLogs.SendRequestAsync(new NewFilterInput
        {
            Address = [contract],
            FromBlock = new BlockParameter(new HexBigInteger(fromBlock)),
            ToBlock = new BlockParameter(new HexBigInteger(toBlock)),
        });

    public async Task<IReadOnlyDictionary<long, BlockHeader>> BlocksAsync(IReadOnlyCollection<long> numbers, CancellationToken cancellationToken)
    {
        var result = new Dictionary<long, BlockHeader>();
        if (numbers.Count == 0) return result;
        var blocks = await _eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendBatchRequestAsync(
            numbers.Select(n => new HexBigInteger(n)).ToArray());
        foreach (var b in blocks)
        {
            if (b is null) continue;
            var number = (long)b.Number.Value;
            result[number] = new BlockHeader(number, b.BlockHash.ToLowerInvariant(), b.ParentHash.ToLowerInvariant(),
                DateTimeOffset.FromUnixTimeSeconds((long)b.Timestamp.Value).UtcDateTime);
        }
        return result;
    }

    public async Task<IReadOnlyDictionary<string, TransactionGas>> ReceiptsAsync(IReadOnlyCollection<string> transactions, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, TransactionGas>(StringComparer.Ordinal);
        foreach (var batch in transactions.Chunk(ReceiptsPerBatch))
        {
            using var content = new ByteArrayContent(ReceiptBatch(batch));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var response = await Http.PostAsync(rpcUrl, content, cancellationToken);
            response.EnsureSuccessStatusCode();
            ReceiptGasReader.Read(await response.Content.ReadAsByteArrayAsync(cancellationToken), result);
        }
        return result;
    }

    /// <summary>Transactions whose receipts are asked for in one JSON-RPC batch (a fill batch's receipt repeats its 200 logs: about 200 KB).</summary>
    private const int ReceiptsPerBatch = 50;

    /// <summary>
    /// Receipts are read without Nethereum's JSON tree (see <see cref="ReceiptGasReader"/>), over this shared client;
    /// Nethereum's own client keeps the other calls. Its timeout is Nethereum's default.
    /// </summary>
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(120) };

    private static byte[] ReceiptBatch(string[] transactions)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            for (var i = 0; i < transactions.Length; i++)
            {
                json.WriteStartObject();
                json.WriteString("jsonrpc", "2.0");
                json.WriteNumber("id", i);
                json.WriteString("method", "eth_getTransactionReceipt");
                json.WriteStartArray("params");
                json.WriteStringValue(transactions[i]);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
