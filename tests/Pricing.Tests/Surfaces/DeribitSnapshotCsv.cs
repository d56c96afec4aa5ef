using System.Globalization;
using Analytics.Pricing.Surfaces;

namespace Analytics.Pricing.Tests.Surfaces;

/// <summary>
/// A small reader of the Deribit option snapshots in <c>../shared/data/options</c> (PROVENANCE.md §1): premiums in coin,
/// <c>underlying</c> the USD forward of the expiry, <c>implied_volatility</c> Deribit's mark IV as a decimal, expiries
/// 08:00 UTC. The product's ingestion is built elsewhere; this reader exists only so the surface tests stand alone.
/// </summary>
internal static class DeribitSnapshotCsv
{
    /// <summary>The snapshot's as-of instant (the <c>timestamp</c> column) and its quotes for one currency.</summary>
    public static (DateTimeOffset AsOfUtc, List<SurfaceQuote> Quotes) Read(string path, string currency)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine()!.Split(',');
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new InvalidDataException($"no column {name}");
        int timestamp = Column("timestamp"), underlying = Column("underlying"), type = Column("option_type"),
            strike = Column("strike"), expiry = Column("expiry_datetime"), bid = Column("bid_price"), ask = Column("ask_price"),
            mark = Column("mark_price"), iv = Column("implied_volatility"), coin = Column("currency");
        var quotes = new List<SurfaceQuote>();
        DateTimeOffset? asOf = null;
        while (reader.ReadLine() is { } line)
        {
            var f = line.Split(',');
            if (f[coin] != currency)
            {
                continue;
            }

            asOf ??= DateTimeOffset.Parse(f[timestamp], CultureInfo.InvariantCulture);
            quotes.Add(new SurfaceQuote(
                DateTimeOffset.Parse(f[expiry], CultureInfo.InvariantCulture),
                Number(f[strike])!.Value,
                f[type] == "call" ? OptionRight.Call : OptionRight.Put,
                Number(f[bid]),
                Number(f[ask]),
                Number(f[mark]),
                PremiumCurrency.Underlying,
                Number(f[underlying]),
                Number(f[iv])));
        }

        return (asOf ?? throw new InvalidDataException($"no {currency} rows in {path}"), quotes);
    }

    private static double? Number(string text) =>
        string.IsNullOrWhiteSpace(text) ? null : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
