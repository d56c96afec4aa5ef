using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Analytics.Data.Indexing;

// The events of contracts/OptionsExchange.sol; Nethereum derives their signatures (topic 0) and decodes them from these
// attributes. Units are the contract's fixed point (see its NatSpec): USD amounts and sizes with 18 decimals.

/// <summary><c>OptionTraded(address indexed trader, bytes32 indexed underlying, uint64 expiry, uint256 strike, bool isCall, int256 size, uint256 premium, uint256 fee, uint256 indexPrice)</c>.</summary>
[Event("OptionTraded")]
public sealed class OptionTradedEvent : IEventDTO
{
    [Parameter("address", "trader", 1, true)] public string Trader { get; set; } = "";
    [Parameter("bytes32", "underlying", 2, true)] public byte[] Underlying { get; set; } = [];
    [Parameter("uint64", "expiry", 3, false)] public ulong ExpiryUnixSeconds { get; set; }
    [Parameter("uint256", "strike", 4, false)] public BigInteger Strike { get; set; }
    [Parameter("bool", "isCall", 5, false)] public bool IsCall { get; set; }
    [Parameter("int256", "size", 6, false)] public BigInteger Size { get; set; }
    [Parameter("uint256", "premium", 7, false)] public BigInteger Premium { get; set; }
    [Parameter("uint256", "fee", 8, false)] public BigInteger Fee { get; set; }
    [Parameter("uint256", "indexPrice", 9, false)] public BigInteger IndexPrice { get; set; }
}

/// <summary><c>PerpTraded(address indexed trader, bytes32 indexed market, int256 size, uint256 price, uint256 fee, uint256 indexPrice)</c>.</summary>
[Event("PerpTraded")]
public sealed class PerpTradedEvent : IEventDTO
{
    [Parameter("address", "trader", 1, true)] public string Trader { get; set; } = "";
    [Parameter("bytes32", "market", 2, true)] public byte[] Market { get; set; } = [];
    [Parameter("int256", "size", 3, false)] public BigInteger Size { get; set; }
    [Parameter("uint256", "price", 4, false)] public BigInteger Price { get; set; }
    [Parameter("uint256", "fee", 5, false)] public BigInteger Fee { get; set; }
    [Parameter("uint256", "indexPrice", 6, false)] public BigInteger IndexPrice { get; set; }
}

/// <summary><c>FundingUpdated(bytes32 indexed market, int256 ratePerInterval, uint32 intervalSeconds, uint256 markPrice, uint256 indexPrice)</c>.</summary>
[Event("FundingUpdated")]
public sealed class FundingUpdatedEvent : IEventDTO
{
    [Parameter("bytes32", "market", 1, true)] public byte[] Market { get; set; } = [];
    [Parameter("int256", "ratePerInterval", 2, false)] public BigInteger RatePerInterval { get; set; }
    [Parameter("uint32", "intervalSeconds", 3, false)] public uint IntervalSeconds { get; set; }
    [Parameter("uint256", "markPrice", 4, false)] public BigInteger MarkPrice { get; set; }
    [Parameter("uint256", "indexPrice", 5, false)] public BigInteger IndexPrice { get; set; }
}
