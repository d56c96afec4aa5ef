using Analytics.Data.Market;

namespace Analytics.Data.Ingestion.Formats;

/// <summary>
/// Our price row shape (API.md): <c>underlying, source, timestamp</c> and either <c>open, high, low, close</c> or
/// just <c>price</c> (USD), optional <c>volume</c> (units of the underlying).
/// <c>timestamp</c> is the instant the price is known: for a candle, when it closes (its end), not its open, as the
/// venue formats stamp theirs (<see cref="CandleClose"/>, issue 15); every risk reader takes the latest row at or before
/// its as-of, so a candle posted at its open would leak its close into the hours before it.
/// </summary>
public sealed class NativePriceMapper : IRowMapper<PriceRow>
{
    public IReadOnlyCollection<string> RequiredColumns { get; } = ["underlying", "source", "timestamp"];

    public PriceRow? Map(FieldReader f)
    {
        var underlying = f.Identifier("underlying", IdentifierKind.Underlying);
        var source = f.Identifier("source", IdentifierKind.Source);
        var timestamp = f.Instant("timestamp");
        var volume = f.Double("volume", false, 0);
        double? open, high, low, close;
        if (f.Record["close"] is null && f.Record["price"] is not null)
            open = high = low = close = f.Double("price", true, 0, minExclusive: true, unit: "USD");
        else
        {
            open = f.Double("open", true, 0, minExclusive: true, unit: "USD");
            high = f.Double("high", true, 0, minExclusive: true, unit: "USD");
            low = f.Double("low", true, 0, minExclusive: true, unit: "USD");
            close = f.Double("close", true, 0, minExclusive: true, unit: "USD");
        }
        return f.HasErrors ? null : Candle.Check(f, underlying!, source!, timestamp!.Value, open!.Value, high!.Value, low!.Value, close!.Value, volume);
    }
}
