using System.Globalization;
using System.Text;
using Analytics.Pricing.Surfaces;

namespace Analytics.Pricing.Tests.Surfaces;

/// <summary>
/// A small reader of raw Deribit <c>public/ticker</c> rows as saved by pandas (PROVENANCE.md §1,
/// <c>options/deribit_btc_options_20200514.csv</c>, repo schepal/deribit_data_collector): first column a pandas index,
/// <c>expiration_timestamp</c> and <c>timestamp</c> in epoch milliseconds, premiums in BTC, <c>mark_iv</c>/<c>bid_iv</c>/<c>ask_iv</c>
/// in percent, and no quote shown as <c>best_bid_price</c> 0 (bid) or <c>best_ask_price</c> 0 (ask). Fields holding Python
/// reprs (<c>greeks</c>, <c>bids</c>, …) are double-quoted and contain commas.
/// </summary>
internal static class DeribitTickerCsv
{
    /// <summary>
    /// The board's as-of instant and its quotes. The rows were fetched one by one over about 2.5 minutes; the as-of is the
    /// <b>median</b> row <c>timestamp</c>, which keeps every row within half the capture window of it (the tenor error this
    /// leaves matters only for the expiry hours away, about ±1 % of its tenor).
    /// </summary>
    public static (DateTimeOffset AsOfUtc, List<SurfaceQuote> Quotes) Read(string path)
    {
        using var reader = new StreamReader(path);
        var header = Split(reader.ReadLine()!);
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new InvalidDataException($"no column {name}");
        int expiry = Column("expiration_timestamp"), type = Column("option_type"), strike = Column("strike"),
            underlying = Column("underlying_price"), timestamp = Column("timestamp"), mark = Column("mark_price"),
            markIv = Column("mark_iv"), bid = Column("best_bid_price"), ask = Column("best_ask_price");
        var quotes = new List<SurfaceQuote>();
        var stamps = new List<long>();
        while (reader.ReadLine() is { } line)
        {
            var f = Split(line);
            stamps.Add(long.Parse(f[timestamp], CultureInfo.InvariantCulture));
            quotes.Add(new SurfaceQuote(
                DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(f[expiry], CultureInfo.InvariantCulture)),
                Number(f[strike]),
                f[type] == "call" ? OptionRight.Call : OptionRight.Put,
                Positive(Number(f[bid])),
                Positive(Number(f[ask])),
                Number(f[mark]),
                PremiumCurrency.Underlying,
                Number(f[underlying]),
                Positive(Number(f[markIv]) / 100.0)));
        }

        if (stamps.Count == 0)
        {
            throw new InvalidDataException($"no rows in {path}");
        }

        stamps.Sort();
        return (DateTimeOffset.FromUnixTimeMilliseconds(stamps[stamps.Count / 2]), quotes);
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static double? Positive(double value) => value > 0.0 ? value : null;

    /// <summary>Splits one CSV line, honouring double-quoted fields (RFC 4180, without embedded line breaks).</summary>
    private static string[] Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}
