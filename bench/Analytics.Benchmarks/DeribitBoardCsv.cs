using System.Globalization;
using Analytics.Pricing;
using Analytics.Pricing.Surfaces;

namespace Analytics.Benchmarks;

/// <summary>
/// Reads one currency's quotes from a Deribit option snapshot of the shared data folder (<c>../shared/data/options</c>,
/// PROVENANCE.md §1: premiums in coin, <c>underlying</c> the USD forward, <c>implied_volatility</c> the mark IV), read in
/// place next to the repository root. A benchmark input only; the product's ingestion lives in <c>src/Data</c>.
/// </summary>
internal static class DeribitBoardCsv
{
    /// <summary>The snapshot's as-of instant and its quotes for <paramref name="currency"/>.</summary>
    /// <exception cref="FileNotFoundException">The shared data folder or the file is missing.</exception>
    public static (DateTimeOffset AsOfUtc, List<SurfaceQuote> Quotes) Read(string fileName, string currency)
    {
        var path = Path.Combine(SharedOptionsDirectory(), fileName);
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
            quotes.Add(new SurfaceQuote(DateTimeOffset.Parse(f[expiry], CultureInfo.InvariantCulture), Number(f[strike])!.Value,
                f[type] == "call" ? OptionRight.Call : OptionRight.Put, Number(f[bid]), Number(f[ask]), Number(f[mark]),
                PremiumCurrency.Underlying, Number(f[underlying]), Number(f[iv])));
        }

        return (asOf ?? throw new InvalidDataException($"no {currency} rows in {path}"), quotes);
    }

    private static string SharedOptionsDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Analytics.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "options"));
            }
        }

        throw new FileNotFoundException("No folder containing Analytics.sln above " + AppContext.BaseDirectory);
    }

    private static double? Number(string text) =>
        string.IsNullOrWhiteSpace(text) ? null : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
