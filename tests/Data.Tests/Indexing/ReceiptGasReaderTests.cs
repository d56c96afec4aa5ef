using System.Text;
using Analytics.Data.Indexing;
using Nethereum.JsonRpc.Client;

namespace Analytics.Data.Tests.Indexing;

/// <summary>
/// Gas read from batched <c>eth_getTransactionReceipt</c> answers, shaped as the Ethereum execution API specifies
/// (ethereum/execution-apis, <c>eth_getTransactionReceipt</c>: quantities are 0x-prefixed hex). 0x5208 = 21,000 gas (a
/// plain transfer's intrinsic gas, Yellow Paper G_transaction), 0x3b9aca00 = 10^9 wei (1 gwei).
/// </summary>
public sealed class ReceiptGasReaderTests
{
    private const string Hash = "0xAbCd000000000000000000000000000000000000000000000000000000000001";

    private static Dictionary<string, TransactionGas> Read(string json)
    {
        var gas = new Dictionary<string, TransactionGas>();
        ReceiptGasReader.Read(Encoding.UTF8.GetBytes(json), gas);
        return gas;
    }

    [Fact]
    public void Receipt_GivesGasUsedAndEffectiveGasPrice_ByLowerCaseHash_SkippingLogs()
    {
        var gas = Read($$$"""
            [{"jsonrpc":"2.0","id":0,"result":{"blockNumber":"0x10","logs":[{"topics":["0x01"],"data":"0x","nested":{"gasUsed":"0x1"}}],
              "transactionHash":"{{{Hash}}}","gasUsed":"0x5208","cumulativeGasUsed":"0x9999","effectiveGasPrice":"0x3b9aca00","status":"0x1"}},
             {"jsonrpc":"2.0","id":1,"result":null}]
            """);

        Assert.Equal(new TransactionGas(21_000, 1e9), Assert.Single(gas, g => g.Key == Hash.ToLowerInvariant()).Value);
    }

    [Fact]
    public void ReceiptWithoutEffectiveGasPrice_HasPriceZero()
    {
        var gas = Read($$$"""[{"id":0,"result":{"transactionHash":"{{{Hash}}}","gasUsed":"0x5208"}}]""");

        Assert.Equal(new TransactionGas(21_000, 0), gas[Hash.ToLowerInvariant()]);
    }

    [Fact]
    public void ErrorInTheBatch_OrInsteadOfIt_IsTheNodesRefusal()
    {
        var inBatch = Assert.Throws<RpcResponseException>(() => Read("""[{"id":0,"error":{"code":-32005,"message":"limit exceeded"}}]"""));
        var whole = Assert.Throws<RpcResponseException>(() => Read("""{"id":null,"error":{"code":-32600,"message":"batch too large"}}"""));

        Assert.Equal((-32005, "limit exceeded"), (inBatch.RpcError.Code, inBatch.RpcError.Message));
        Assert.Equal((-32600, "batch too large"), (whole.RpcError.Code, whole.RpcError.Message));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[{\"id\":0,\"result\":{\"transactionHash\":\"0x01\"}}]")]
    [InlineData("[{\"id\":0,\"result\":{\"transactionHash\":\"0x01\",\"gasUsed\":\"5208\"}}]")]
    [InlineData("[{\"id\":0,\"result\":{\"transactionHash\":\"0x01\",\"gasUsed\":\"0x52")]
    [InlineData("<html>502 Bad Gateway</html>")]
    public void UnreadableAnswer_IsAFormatException(string json) => Assert.Throws<FormatException>(() => Read(json));
}
