using System.Globalization;
using Analytics.Pricing;
using Analytics.Pricing.Surfaces;

namespace Analytics.Benchmarks;

/// <summary>
/// Reads one coin of a Deribit board snapshot from <c>../shared/data/options</c> (PROVENANCE.md §1; premiums in coin,
/// <c>underlying</c> the expiry's USD forward, <c>implied_volatility</c> the mark IV as a decimal), found from the
/// benchmark's binaries upward to the folder holding <c>Analytics.sln</c>. The shared data is read in place, never copied.
/// </summary>
internal static class DeribitBoardQuotes
{
    public static (DateTimeOffset AsOfUtc, List<SurfaceQuote> Quotes) Read(string file, string currency)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Analytics.sln")))
        {
            directory = directory.Parent;
        }

        var path = Path.GetFullPath(Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException("Analytics.sln not found"),
            "..", "shared", "data", "options", file));
        using var reader = new StreamReader(path);
        var header = reader.ReadLine()!.Split(',');
        int Column(string name) => Array.IndexOf(header, name);
        int timestamp = Column("timestamp"), underlying = Column("underlying"), type = Column("option_type"), strike = Column("strike"),
            expiry = Column("expiry_datetime"), bid = Column("bid_price"), ask = Column("ask_price"), mark = Column("mark_price"),
            iv = Column("implied_volatility"), coin = Column("currency");
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

        return (asOf!.Value, quotes);
    }

    private static double? Number(string text) =>
        string.IsNullOrWhiteSpace(text) ? null : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
