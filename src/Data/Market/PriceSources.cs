namespace Analytics.Data.Market;

/// <summary>
/// Price series kept under an underlying that are not its price. A dated future's price is a forward (the 2025-12-30
/// 17:31 snapshot: BTC-PERPETUAL 88,537, BTC-26JUN26 90,447.5), stored for forward and basis checks; read as "the
/// underlying's price" it would move spot by the basis. Its source starts with <see cref="DatedFuturePrefix"/>, and every
/// reader of the underlying's price (market snapshot, daily closes, stress moves, the indexer's gas price) leaves it out.
/// </summary>
public static class PriceSources
{
    /// <summary>The source prefix of a dated future's series: <c>deribit-future-btc-26jun26</c>.</summary>
    public const string DatedFuturePrefix = "deribit-future-";
}
