namespace Analytics.Data.Entities;

/// <summary>
/// An on-chain option or perp fill, identified by (chain, tx hash, log index).
/// </summary>
/// <remarks>
/// Numeric types: <see cref="Price"/>, <see cref="PriceUsd"/>, <see cref="Size"/> and <see cref="FeeUsd"/> are
/// <see cref="decimal"/> (PostgreSQL <c>numeric</c>, SQLite TEXT): they are money and quantities that must add up
/// exactly in P&amp;L and fee reports. <see cref="IndexPrice"/> is a reference value for the numerics and is a
/// <see cref="double"/>. Because SQLite cannot compare decimals in SQL, no query filters or orders on them;
/// aggregates (VWAP, volume) are computed in .NET.
/// </remarks>
public sealed class TradeEntity : ITimeSeriesRow
{
    public long Id { get; set; }
    public required string Chain { get; set; }
    public required string Venue { get; set; }
    public required string TxHash { get; set; }
    public int LogIndex { get; set; }
    public long BlockNumber { get; set; }
    public DateTime TimestampUtc { get; set; }
    public long InstrumentId { get; set; }

    /// <summary>Copied from the instrument, so listings filter by underlying on one indexed table.</summary>
    public required string Underlying { get; set; }

    /// <summary><c>buy</c> or <c>sell</c> (taker side).</summary>
    public required string Side { get; set; }

    /// <summary>Price as traded, in <see cref="PremiumCurrency"/> per unit.</summary>
    public decimal Price { get; set; }

    /// <summary>Price in USD per unit (equal to <see cref="Price"/> for USD premiums; × the forward for coin premiums).</summary>
    public decimal PriceUsd { get; set; }

    /// <summary>Quantity in units of the underlying (positive; the side gives the direction).</summary>
    public decimal Size { get; set; }

    public decimal? FeeUsd { get; set; }

    /// <summary>Index (spot) price of the underlying at the trade, USD.</summary>
    public double? IndexPrice { get; set; }

    /// <summary><c>usd</c> or <c>underlying</c>.</summary>
    public required string PremiumCurrency { get; set; }
}
