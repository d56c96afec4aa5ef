using System.Globalization;
using System.Text;

namespace Analytics.Api.Tests.Endpoints.Indexed;

/// <summary>Rows unique to one test (own underlying and venue), so tests never see each other's rows.</summary>
internal sealed class IngestTestData
{
    public string Underlying { get; } = "U" + Guid.NewGuid().ToString("N")[..7].ToUpperInvariant();
    public string Venue { get; } = "v" + Guid.NewGuid().ToString("N")[..7];

    public const string TradeCsvHeader = "chain,venue,txHash,logIndex,blockNumber,timestamp,kind,underlying,expiry,strike,type,side,price,size,feeUsd,indexPrice";

    /// <summary>Option trades of this test's underlying, one minute apart from 2026-01-05T10:00Z, price 100 + i, size 1 + i.</summary>
    public string TradeCsv(int count, Func<int, string>? timestamp = null, Func<int, string>? size = null)
    {
        var csv = new StringBuilder(TradeCsvHeader).Append('\n');
        for (var i = 0; i < count; i++)
            csv.Append(CultureInfo.InvariantCulture,
                $"arbitrum-one,{Venue},0x{Underlying}{i:D4},0,{1000 + i},{timestamp?.Invoke(i) ?? $"2026-01-05T10:{i % 60:D2}:00Z"},option,{Underlying},2026-03-27T08:00:00Z,3000,call,buy,{100 + i},{size?.Invoke(i) ?? (1 + i).ToString(CultureInfo.InvariantCulture)},0.1,3100\n");
        return csv.ToString();
    }

    /// <summary>The canonical key of <see cref="TradeCsv"/>'s option.</summary>
    public string OptionKey => $"{Underlying}-20260327T080000Z-3000-C-european-cash";

    /// <summary>Perpetual trades on {Underlying}-USD, one minute apart from 2026-01-05T10:00Z, price 3000 + 10i, size 2.</summary>
    public string PerpTradeCsv(int count)
    {
        var csv = new StringBuilder("chain,venue,txHash,logIndex,blockNumber,timestamp,kind,underlying,market,side,price,size,feeUsd,indexPrice\n");
        for (var i = 0; i < count; i++)
            csv.Append(CultureInfo.InvariantCulture,
                $"arbitrum-one,{Venue},0xperp{Underlying}{i:D4},0,{2000 + i},2026-01-05T10:{i % 60:D2}:00Z,perp,{Underlying},{Underlying}-USD,sell,{3000 + 10 * i},2,0.1,3000\n");
        return csv.ToString();
    }

    public string TradeNdJson(int count)
    {
        var lines = new StringBuilder();
        for (var i = 0; i < count; i++)
            lines.Append(CultureInfo.InvariantCulture,
                $$"""{"chain":"arbitrum-one","venue":"{{Venue}}","txHash":"0x{{Underlying}}{{i:D4}}","logIndex":0,"blockNumber":{{1000 + i}},"timestamp":"2026-01-05T10:{{i % 60:D2}}:00Z","kind":"option","underlying":"{{Underlying}}","expiry":"2026-03-27T08:00:00Z","strike":3000,"type":"call","side":"buy","price":{{100 + i}},"size":{{1 + i}}}""")
                .Append('\n');
        return lines.ToString();
    }

    public string TradeJsonArray(int count) => "[" + string.Join(",", TradeNdJson(count).Split('\n', StringSplitOptions.RemoveEmptyEntries)) + "]";

    public string FundingCsv(params (string Timestamp, double Rate, double Hours)[] rows) =>
        "venue,market,timestamp,rate,intervalHours\n" + string.Concat(rows.Select(r =>
            string.Create(CultureInfo.InvariantCulture, $"{Venue},{Underlying}-USD,{r.Timestamp},{r.Rate},{r.Hours}\n")));
}
