using System.Globalization;
using Analytics.Pricing.Surfaces;
using Analytics.TestSupport;

namespace Analytics.Pricing.Tests.Surfaces;

/// <summary>
/// A small reader of the Yahoo Finance option chain of PROVENANCE.md §1 (<c>equity_options/SPX_all_20260130.csv</c>, repo
/// vivek-v-rao/Implied-Vol-Surface, MIT): one row per contract, bid and ask in index points (USD), no underlying price, no
/// field quoted. Only the PM-settled SPXW contracts are read: the AM-settled SPX monthlies share their expiry dates but
/// settle on the morning's opening prints, a different instant and a different underlying.
/// </summary>
internal static class YahooOptionChainCsv
{
    public const string SpxFile = "SPX_all_20260130.csv";

    /// <summary>The close of 2026-01-30 in New York (16:00 EST), when the chain was downloaded.</summary>
    public static readonly DateTimeOffset SpxAsOfUtc = new(2026, 1, 30, 21, 0, 0, TimeSpan.Zero);

    /// <summary>Reads the SPXW quotes; each expiry date is taken at 16:00 New York (21:00 UTC in winter, 20:00 in summer).</summary>
    public static List<SurfaceQuote> ReadSpxw()
    {
        var path = Path.Combine(RepositoryPaths.RequireSharedDataDirectory(), "equity_options", SpxFile);
        Requirement.Require(File.Exists(path), path, "see PROVENANCE.md §1");
        using var reader = new StreamReader(path);
        var header = reader.ReadLine()!.Split(',');
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new InvalidDataException($"no column {name}");
        int symbol = Column("contractSymbol"), strike = Column("strike"), bid = Column("bid"), ask = Column("ask"),
            type = Column("option_type"), expiration = Column("expiration");
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var quotes = new List<SurfaceQuote>();
        while (reader.ReadLine() is { } line)
        {
            var f = line.Split(',');
            if (!f[symbol].StartsWith("SPXW", StringComparison.Ordinal))
            {
                continue;
            }

            var date = DateTime.ParseExact(f[expiration], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var close = date.AddHours(16);
            var expiry = new DateTimeOffset(close, newYork.GetUtcOffset(close));
            quotes.Add(new SurfaceQuote(expiry, Number(f[strike]), f[type] == "call" ? OptionRight.Call : OptionRight.Put,
                Positive(Number(f[bid])), Positive(Number(f[ask]))));
        }

        return quotes;
    }

    private static double Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : double.NaN;

    private static double? Positive(double value) => value > 0.0 ? value : null;
}
