using Analytics.Data.Ingestion;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Data.Queries;

/// <summary>
/// OHLC bars per fixed interval aligned to the Unix epoch (UTC), from trades (USD price and size; VWAP = Σ p·q / Σ q,
/// summed in decimal) of one instrument or of the underlying's perpetuals (option premiums of different strikes and
/// expiries do not make one price series), or from stored prices (candles merged: first open, max high, min low, last close; VWAP weights
/// each candle's close by its volume). Rows stream through once in time order via the (underlying, timestamp) index;
/// empty intervals produce no bar.
/// </summary>
public sealed class BarsQuery(AnalyticsDbContext db)
{
    /// <summary>
    /// The venues (lower case, sorted) with trades of <paramref name="instrumentId"/>, or of the underlying's perpetuals when
    /// null, in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>): bars come from one venue at a time.
    /// </summary>
    public async Task<List<string>> TradeVenuesAsync(string underlying, long? instrumentId, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var instruments = await InstrumentsAsync(underlying, instrumentId, cancellationToken);
        return await db.Trades.AsNoTracking()
            .Where(t => t.Underlying == underlying && instruments.Contains(t.InstrumentId) && t.TimestampUtc >= fromUtc && t.TimestampUtc < toUtc)
            .Select(t => t.Venue).Distinct().OrderBy(v => v).ToListAsync(cancellationToken);
    }

    /// <summary>The price sources (lower case, sorted) with prices of <paramref name="underlying"/> in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>).</summary>
    public Task<List<string>> PriceSourcesAsync(string underlying, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken) =>
        db.PriceObservations.AsNoTracking()
            .Where(p => p.Underlying == underlying && p.TimestampUtc >= fromUtc && p.TimestampUtc < toUtc)
            .Select(p => p.Source).Distinct().OrderBy(s => s).ToListAsync(cancellationToken);

    /// <summary>
    /// Bars of the trades of <paramref name="instrumentId"/>, or of every perpetual on <paramref name="underlying"/> when null,
    /// on <paramref name="venue"/> only (null: every venue; the endpoint passes one whenever several traded).
    /// </summary>
    public async Task<List<Bar>> FromTradesAsync(string underlying, long? instrumentId, string? venue, TimeSpan interval, DateTime fromUtc, DateTime toUtc,
        CancellationToken cancellationToken)
    {
        var bars = new BarBuilder(interval);
        var instruments = await InstrumentsAsync(underlying, instrumentId, cancellationToken);
        var query = db.Trades.AsNoTracking()
            .Where(t => t.Underlying == underlying && instruments.Contains(t.InstrumentId) && t.TimestampUtc >= fromUtc && t.TimestampUtc < toUtc);
        if (venue is not null) query = query.Where(t => t.Venue == venue);
        var rows = query
            .OrderBy(t => t.TimestampUtc).ThenBy(t => t.Id)
            .Select(t => new { t.TimestampUtc, t.PriceUsd, t.Size })
            .AsAsyncEnumerable();
        await foreach (var t in rows.WithCancellation(cancellationToken))
            bars.Add(t.TimestampUtc, (double)t.PriceUsd, (double)t.PriceUsd, (double)t.PriceUsd, (double)t.PriceUsd, t.Size, t.PriceUsd * t.Size);
        return bars.Finish();
    }

    private async Task<List<long>> InstrumentsAsync(string underlying, long? instrumentId, CancellationToken cancellationToken) =>
        instrumentId is { } id ? [id] : await db.Instruments.AsNoTracking()
            .Where(i => i.Underlying == underlying && i.Kind == InstrumentIdentity.PerpKind).Select(i => i.Id).ToListAsync(cancellationToken);

    /// <summary>Bars of the stored prices of <paramref name="underlying"/> from <paramref name="source"/> (null: every source).</summary>
    public async Task<List<Bar>> FromPricesAsync(string underlying, string? source, TimeSpan interval, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var bars = new BarBuilder(interval);
        var query = db.PriceObservations.AsNoTracking().Where(p => p.Underlying == underlying && p.TimestampUtc >= fromUtc && p.TimestampUtc < toUtc);
        if (source is not null) query = query.Where(p => p.Source == source);
        await foreach (var p in query.OrderBy(p => p.TimestampUtc).ThenBy(p => p.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var volume = (decimal)(p.Volume ?? 0);
            bars.Add(p.TimestampUtc, p.Open, p.High, p.Low, p.Close, volume, (decimal)p.Close * volume);
        }
        return bars.Finish();
    }

    private sealed class BarBuilder(TimeSpan interval)
    {
        private readonly List<Bar> _bars = [];
        private long _bucket = long.MinValue;
        private double _open, _high, _low, _close;
        private decimal _volume, _notional;
        private int _count;

        public void Add(DateTime at, double open, double high, double low, double close, decimal volume, decimal notional)
        {
            var bucket = at.Ticks / interval.Ticks;
            if (bucket != _bucket)
            {
                Flush();
                _bucket = bucket;
                (_open, _high, _low, _volume, _notional, _count) = (open, high, low, 0m, 0m, 0);
            }
            _high = Math.Max(_high, high);
            _low = Math.Min(_low, low);
            _close = close;
            _volume += volume;
            _notional += notional;
            _count++;
        }

        public List<Bar> Finish()
        {
            Flush();
            return _bars;
        }

        private void Flush()
        {
            if (_count == 0) return;
            _bars.Add(new Bar(new DateTime(_bucket * interval.Ticks, DateTimeKind.Utc), _open, _high, _low, _close, (double)_volume,
                _volume > 0 ? (double)(_notional / _volume) : null, _count));
        }
    }
}
