using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Nethereum.JsonRpc.Client;

namespace Analytics.Data.Indexing;

/// <summary>
/// Reads gas used, effective gas price and (OP-stack, Scroll) the L1 data fee from a batched <c>eth_getTransactionReceipt</c> answer, skipping everything
/// else. A receipt repeats every log of its transaction (200 per fill batch), and building Nethereum's JSON tree for
/// them cost twice what the node took to send them; only two numbers per transaction are needed.
/// </summary>
internal static class ReceiptGasReader
{
    /// <summary>Adds each receipt of <paramref name="json"/> to <paramref name="gas"/> by lower-case transaction hash; a null receipt (unknown transaction) is left out.</summary>
    /// <exception cref="RpcResponseException">an answer of the batch is a JSON-RPC error.</exception>
    /// <exception cref="FormatException">the answer is not a JSON-RPC batch answer.</exception>
    public static void Read(ReadOnlySpan<byte> json, IDictionary<string, TransactionGas> gas)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            Expect(reader.Read(), "an empty answer");
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                ReadAnswer(ref reader, gas); // a node refusing the whole batch answers with one error object
                return;
            }
            Expect(reader.TokenType == JsonTokenType.StartArray, "neither an array nor an object");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                Expect(reader.TokenType == JsonTokenType.StartObject, "an answer that is not an object");
                ReadAnswer(ref reader, gas);
            }
        }
        catch (JsonException e)
        {
            throw new FormatException($"unreadable receipts answer: {e.Message}", e);
        }
    }

    private static void ReadAnswer(ref Utf8JsonReader reader, IDictionary<string, TransactionGas> gas)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            reader.Read();
            if (name.SequenceEqual("result"u8) && reader.TokenType == JsonTokenType.StartObject) ReadReceipt(ref reader, gas);
            else if (name.SequenceEqual("error"u8) && reader.TokenType == JsonTokenType.StartObject) throw Error(ref reader);
            else reader.Skip();
        }
    }

    private static void ReadReceipt(ref Utf8JsonReader reader, IDictionary<string, TransactionGas> gas)
    {
        string? hash = null;
        double? used = null;
        double price = 0; // absent on nodes from before EIP-1559 receipts: as Nethereum's reading did, 0
        double l1Fee = 0; // OP-stack and Scroll receipts only; null on deposit transactions
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            reader.Read();
            if (name.SequenceEqual("transactionHash"u8)) hash = reader.GetString()?.ToLowerInvariant();
            else if (name.SequenceEqual("gasUsed"u8)) used = Quantity(reader.GetString());
            else if (name.SequenceEqual("effectiveGasPrice"u8) && reader.TokenType == JsonTokenType.String) price = Quantity(reader.GetString());
            else if (name.SequenceEqual("l1Fee"u8) && reader.TokenType == JsonTokenType.String) l1Fee = Quantity(reader.GetString());
            else reader.Skip();
        }
        Expect(hash is not null && used is not null, "a receipt without transactionHash or gasUsed");
        gas[hash!] = new TransactionGas(used!.Value, price, l1Fee);
    }

    private static RpcResponseException Error(ref Utf8JsonReader reader)
    {
        var code = 0;
        string? message = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            reader.Read();
            if (name.SequenceEqual("code"u8) && reader.TokenType == JsonTokenType.Number) code = reader.GetInt32();
            else if (name.SequenceEqual("message"u8) && reader.TokenType == JsonTokenType.String) message = reader.GetString();
            else reader.Skip();
        }
        return new RpcResponseException(new RpcError(code, message ?? "(no message)"));
    }

    /// <summary>A JSON-RPC quantity (<c>0x</c> and hex digits) as a double.</summary>
    private static double Quantity(string? hex)
    {
        Expect(hex is { Length: > 2 } && hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase), $"quantity '{hex}'");
        return (double)BigInteger.Parse("0" + hex![2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition) throw new FormatException($"unreadable receipts answer: {what}");
    }
}
