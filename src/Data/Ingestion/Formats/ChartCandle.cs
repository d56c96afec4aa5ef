using Analytics.Data.Market;

namespace Analytics.Data.Ingestion.Formats;

/// <summary>
/// A Deribit TradingView-chart candle as the shared snapshot files give it (<c>{prefix}open_time_ms</c>,
/// <c>{prefix}close_time_ms</c>, <c>{prefix}open/high/low/close</c> in USD, <c>{prefix}volume</c> in coin), stored as a
/// candle stamped when its close is known: its close time minus one microsecond (<see cref="CandleClose"/>).
/// </summary>
internal static class ChartCandle
{
    private const long MaxEpochMilliseconds = 253_402_300_799_999;

    public static PriceRow? Read(FieldReader f, string underlyingField, string source, string prefix)
    {
        var underlying = f.Identifier(underlyingField, IdentifierKind.Underlying);
        var openMs = f.Integer(prefix + "open_time_ms", true, 0, MaxEpochMilliseconds);
        var closeMs = f.Integer(prefix + "close_time_ms", true, 0, MaxEpochMilliseconds);
        var open = f.Double(prefix + "open", true, 0, minExclusive: true, unit: "USD");
        var high = f.Double(prefix + "high", true, 0, minExclusive: true, unit: "USD");
        var low = f.Double(prefix + "low", true, 0, minExclusive: true, unit: "USD");
        var close = f.Double(prefix + "close", true, 0, minExclusive: true, unit: "USD");
        var volume = f.Double(prefix + "volume", false, 0, unit: "coin");
        if (f.HasErrors) return null;
        if (closeMs <= openMs)
        {
            f.Error(prefix + "close_time_ms", $"must be after {prefix}open_time_ms ({openMs}); got {closeMs}.");
            return null;
        }
        var openUtc = DateTime.UnixEpoch.AddMilliseconds(openMs!.Value);
        var at = f.CheckRange(prefix + "close_time_ms", CandleClose.Of(openUtc, TimeSpan.FromMilliseconds(closeMs!.Value - openMs.Value)));
        return at is null ? null : Candle.Check(f, underlying!, source, at.Value, open!.Value, high!.Value, low!.Value, close!.Value, volume);
    }
}
