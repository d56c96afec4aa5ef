using System.Numerics;
using Analytics.Data.Ingestion;
using Analytics.Data.Market;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;

namespace Analytics.Data.Indexing;

/// <summary>
/// Turns the exchange's logs into rows with Nethereum's ABI decoding (the event classes beside it, laid out once: <see cref="EventLayout{T}"/>).
/// Every log is either a row or an error naming why: a wrong topic count, data that does not decode, a value our rows
/// cannot hold. Logs whose first topic is none of the three events are errors too (the contract emits nothing else).
/// </summary>
public sealed class ExchangeLogDecoder(string chain, string venue)
{
    /// <summary>The chain's native token, whose USD price turns gas into USD (every supported L2 pays gas in ETH).</summary>
    public const string NativeToken = "ETH";

    private static readonly string OptionTopic = EventTopic<OptionTradedEvent>(), PerpTopic = EventTopic<PerpTradedEvent>(),
        FundingTopic = EventTopic<FundingUpdatedEvent>();

    /// <summary>Whether <paramref name="log"/>'s first topic is a fill's (its transaction's gas is shared by its trades).</summary>
    public static bool IsTradeTopic(FilterLog log) =>
        log.Topics is [var first, ..] && first?.ToString()?.ToLowerInvariant() is { } topic0 && (topic0 == OptionTopic || topic0 == PerpTopic);

    /// <summary>Decodes <paramref name="log"/> of a block stamped <paramref name="blockTimeUtc"/>.</summary>
    public DecodedLog Decode(FilterLog log, DateTime blockTimeUtc)
    {
        var block = (long)log.BlockNumber.Value;
        var tx = Identifiers.TxHash(log.TransactionHash ?? "");
        var index = (int)log.LogIndex.Value;
        var topics = log.Topics ?? [];
        var topic0 = topics.Length > 0 ? topics[0]?.ToString()?.ToLowerInvariant() : null;
        var (name, expectedTopics) = topic0 == OptionTopic ? ("OptionTraded", EventLayout<OptionTradedEvent>.Instance.TopicCount)
            : topic0 == PerpTopic ? ("PerpTraded", EventLayout<PerpTradedEvent>.Instance.TopicCount)
            : topic0 == FundingTopic ? ("FundingUpdated", EventLayout<FundingUpdatedEvent>.Instance.TopicCount) : (null, 0);
        if (name is null) return new DecodedLog.Error(block, tx, index, $"unknown event topic {topic0 ?? "(none)"}");
        if (topics.Length != expectedTopics)
            return new DecodedLog.Error(block, tx, index, $"{name}: {topics.Length} topics, expected {expectedTopics}");
        try
        {
            return name switch
            {
                "OptionTraded" => Option(EventLayout<OptionTradedEvent>.Instance.Decode(topics, log.Data), block, tx, index, blockTimeUtc),
                "PerpTraded" => Perp(EventLayout<PerpTradedEvent>.Instance.Decode(topics, log.Data), block, tx, index, blockTimeUtc),
                _ => Funding(EventLayout<FundingUpdatedEvent>.Instance.Decode(topics, log.Data), block, tx, index, blockTimeUtc),
            };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Nethereum throws a range of exception types on short or malformed data; each is this log's error only.
            return new DecodedLog.Error(block, tx, index, $"{name}: data does not decode ({e.GetType().Name}: {Shorten(e.Message)})");
        }
    }

    private DecodedLog Option(OptionTradedEvent e, long block, string tx, int index, DateTime timeUtc)
    {
        var underlying = FixedPoint.Bytes32Text(e.Underlying) is { } u ? Identifiers.Underlying(u) : null;
        if (underlying is null || !Identifiers.IsWellFormed(IdentifierKind.Underlying, underlying))
            return new DecodedLog.Error(block, tx, index, "OptionTraded: underlying is not a padded ASCII symbol");
        if (e.ExpiryUnixSeconds > (ulong)DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            return new DecodedLog.Error(block, tx, index, "OptionTraded: expiry out of range");
        var expiry = DateTimeOffset.FromUnixTimeSeconds((long)e.ExpiryUnixSeconds).UtcDateTime;
        var problem = Amounts(e.Size, e.Premium, e.Fee, e.IndexPrice, out var size, out var premium, out var fee, out var indexPrice);
        var strike = FixedPoint.ToDecimal(e.Strike);
        if (strike is not > 0m) problem ??= "strike must be > 0";
        if (problem is not null) return new DecodedLog.Error(block, tx, index, $"OptionTraded: {problem}");
        var instrument = InstrumentIdentity.Option(underlying, expiry, (double)strike!.Value, e.IsCall ? "call" : "put");
        var row = new TradeRow(chain, venue, tx, index, block, timeUtc, instrument, e.Size.Sign > 0 ? "buy" : "sell",
            premium, premium, size, fee, indexPrice, "usd");
        return new DecodedLog.Trade(block, tx, index, row, underlying == NativeToken ? indexPrice : null);
    }

    private DecodedLog Perp(PerpTradedEvent e, long block, string tx, int index, DateTime timeUtc)
    {
        var market = FixedPoint.Bytes32Text(e.Market) is { } m ? Identifiers.Market(m) : null;
        if (market is null || !Identifiers.IsWellFormed(IdentifierKind.Market, market))
            return new DecodedLog.Error(block, tx, index, "PerpTraded: market is not a padded ASCII symbol");
        var problem = Amounts(e.Size, e.Price, e.Fee, e.IndexPrice, out var size, out var price, out var fee, out var indexPrice);
        if (problem is not null) return new DecodedLog.Error(block, tx, index, $"PerpTraded: {problem}");
        var underlying = market.Split('-', '/')[0];
        var row = new TradeRow(chain, venue, tx, index, block, timeUtc, InstrumentIdentity.Perp(underlying, market),
            e.Size.Sign > 0 ? "buy" : "sell", price, price, size, fee, indexPrice, "usd");
        return new DecodedLog.Trade(block, tx, index, row, underlying == NativeToken ? indexPrice : null);
    }

    private DecodedLog Funding(FundingUpdatedEvent e, long block, string tx, int index, DateTime timeUtc)
    {
        var market = FixedPoint.Bytes32Text(e.Market) is { } m ? Identifiers.Market(m) : null;
        if (market is null || !Identifiers.IsWellFormed(IdentifierKind.Market, market))
            return new DecodedLog.Error(block, tx, index, "FundingUpdated: market is not a padded ASCII symbol");
        if (e.IntervalSeconds == 0) return new DecodedLog.Error(block, tx, index, "FundingUpdated: intervalSeconds must be > 0");
        var mark = FixedPoint.ToDouble(e.MarkPrice);
        var indexPrice = FixedPoint.ToDouble(e.IndexPrice);
        var row = new FundingRow(venue, market, timeUtc, FixedPoint.ToDouble(e.RatePerInterval), e.IntervalSeconds / 3600.0,
            mark > 0 ? mark : null, indexPrice > 0 ? indexPrice : null);
        return new DecodedLog.Funding(block, tx, index, row);
    }

    /// <summary>Size (signed, non-zero), price (&gt; 0), fee and index price (≥ 0) as row values; the problem, if any.</summary>
    private static string? Amounts(BigInteger rawSize, BigInteger rawPrice, BigInteger rawFee, BigInteger rawIndex,
        out decimal size, out decimal price, out decimal? fee, out double? indexPrice)
    {
        size = FixedPoint.ToDecimal(BigInteger.Abs(rawSize)) ?? 0m;
        price = FixedPoint.ToDecimal(rawPrice) ?? 0m;
        fee = FixedPoint.ToDecimal(rawFee);
        var index = FixedPoint.ToDouble(rawIndex);
        indexPrice = index > 0 ? index : null;
        if (size <= 0m) return "size must be non-zero and within range";
        if (price <= 0m) return "price must be > 0 and within range";
        if (fee is null) return "fee out of range";
        return null;
    }

    private static string EventTopic<T>() where T : IEventDTO, new()
    {
        var signature = ABITypedRegistry.GetEvent<T>().Sha3Signature.ToLowerInvariant();
        return signature.StartsWith("0x", StringComparison.Ordinal) ? signature : "0x" + signature;
    }

    private static string Shorten(string s) => s.Length <= 200 ? s : s[..200] + "…";
}
