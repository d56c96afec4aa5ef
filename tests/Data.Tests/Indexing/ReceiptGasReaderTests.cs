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
    public void OpStackReceipt_AddsItsL1DataFee_AndADepositsNullFeeIsZero()
    {
        // The OP-stack receipt published as the example answer of QuickNode's World Chain eth_getTransactionReceipt page
        // (quicknode.com/docs/worldchain/eth_getTransactionReceipt): gasUsed 0xdc090 = 901,264, effectiveGasPrice
        // 0x186a0 = 100,000 wei, l1Fee 0x150c88b38050 = 23,143,577,256,016 wei (the L1 data fee, paid on top of L2 gas).
        var gas = Read($$$"""
            [{"jsonrpc":"2.0","id":1,"result":{"blockNumber":"0x657db5","cumulativeGasUsed":"0x285afa","effectiveGasPrice":"0x186a0",
              "gasUsed":"0xdc090","l1BaseFeeScalar":"0x21f9","l1BlobBaseFee":"0x4d137e31b","l1BlobBaseFeeScalar":"0xc5f4f",
              "l1Fee":"0x150c88b38050","l1GasPrice":"0x32a3ed345","l1GasUsed":"0x4d7c","logs":[],"status":"0x1","transactionHash":"{{{Hash}}}"}},
             {"jsonrpc":"2.0","id":2,"result":{"transactionHash":"0x02","gasUsed":"0xc0fb","effectiveGasPrice":"0x0","l1Fee":null}}]
            """);

        var op = gas[Hash.ToLowerInvariant()];
        Assert.Equal(new TransactionGas(901_264, 100_000, 23_143_577_256_016), op);
        Assert.Equal(901_264.0 * 100_000 + 23_143_577_256_016, op.TotalFeeWei);
        Assert.Equal(new TransactionGas(0xc0fb, 0, 0), gas["0x02"]);
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
