namespace Analytics.Data.Entities;

/// <summary>
/// A venue's quote snapshot of one option at one instant, identified by (venue, instrument, timestamp).
/// </summary>
/// <remarks>
/// Every value is a <see cref="double"/>: quotes feed the IV solver and surface fits, which compute in double, and
/// venue ticks are far coarser than double precision. <see cref="Bid"/>, <see cref="Ask"/> and <see cref="Mark"/>
/// are stored in USD; a premium quoted in the underlying (Deribit) was multiplied by <see cref="UnderlyingPrice"/>,
/// the forward of that expiry. IVs are annualised decimals (0.55 = 55 %).
/// </remarks>
public sealed class OptionQuoteEntity : ITimeSeriesRow
{
    public long Id { get; set; }
    public required string Venue { get; set; }
    public long InstrumentId { get; set; }
    public required string Underlying { get; set; }
    public DateTime TimestampUtc { get; set; }
    public double? Bid { get; set; }
    public double? Ask { get; set; }
    public double? Mark { get; set; }
    public double? BidSize { get; set; }
    public double? AskSize { get; set; }
    public double? MarkIv { get; set; }
    public double? BidIv { get; set; }
    public double? AskIv { get; set; }

    /// <summary>The venue's forward for this expiry, USD.</summary>
    public double? UnderlyingPrice { get; set; }

    public double? IndexPrice { get; set; }
    public double? OpenInterest { get; set; }

    /// <summary>The currency the venue quoted in: <c>usd</c> or <c>underlying</c> (stored values are USD either way).</summary>
    public required string PremiumCurrency { get; set; }
}
