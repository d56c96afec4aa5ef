using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Api.Tests.Infrastructure;
using Analytics.Pricing.Black;
using Analytics.TestSupport;

namespace Analytics.Api.Tests.Endpoints.Surfaces;

/// <summary>Quotes for surface tests: synthetic ones from known SVI parameters, and the real Deribit snapshot as posted rows.</summary>
internal static class SurfaceTestData
{
    public static readonly DateTimeOffset AsOf = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset[] Expiries = [AsOf.AddDays(30), AsOf.AddDays(91), AsOf.AddDays(182)];
    public const double Forward = 3000;

    /// <summary>The known raw SVI (a, b, ρ, m, σ) of each synthetic expiry: total variance rising with tenor at every k.</summary>
    public static (double A, double B, double Rho, double M, double Sigma) Svi(int expiry) => expiry switch
    {
        0 => (0.02, 0.10, -0.30, 0.00, 0.15),
        1 => (0.05, 0.14, -0.30, 0.02, 0.20),
        _ => (0.10, 0.18, -0.30, 0.04, 0.25),
    };

    public static double TenorYears(int expiry) => (Expiries[expiry] - AsOf).TotalSeconds / (365.0 * 86400);

    public static double SviVol(int expiry, double k) => SviVol(Svi, expiry, k);

    private static double SviVol(Func<int, (double A, double B, double Rho, double M, double Sigma)> svi, int expiry, double k)
    {
        var (a, b, rho, m, sigma) = svi(expiry);
        return Math.Sqrt((a + b * (rho * (k - m) + Math.Sqrt((k - m) * (k - m) + sigma * sigma))) / TenorYears(expiry));
    }

    /// <summary>Out-of-the-money calls and puts on strikes 1800–4800 (step 150), USD premiums, bid/ask ±0.25 % of the premium around the SVI price.</summary>
    public static List<object> SyntheticQuotes() => SyntheticQuotes(Svi);

    /// <summary>
    /// As <see cref="SyntheticQuotes()"/> from the raw SVI of <paramref name="svi"/> per expiry, with the vol of every other
    /// strike moved up and the others down by <paramref name="zigZagVol"/> (a smile no SVI fits when it is large).
    /// </summary>
    public static List<object> SyntheticQuotes(Func<int, (double A, double B, double Rho, double M, double Sigma)> svi, double zigZagVol = 0)
    {
        var quotes = new List<object>();
        for (var e = 0; e < Expiries.Length; e++)
            for (var (strike, i) = (1800.0, 0); strike <= 4800; strike += 150, i++)
            {
                var isCall = strike >= Forward;
                var vol = SviVol(svi, e, Math.Log(strike / Forward)) + (i % 2 == 0 ? zigZagVol : -zigZagVol);
                var price = BlackScholesMerton.Price(Forward, strike, TenorYears(e), vol, 1.0, isCall);
                quotes.Add(new { expiry = Expiries[e], strike, type = isCall ? "call" : "put", bid = price * 0.9975, ask = price * 1.0025, underlyingPrice = Forward });
            }
        return quotes;
    }

    public static string DeribitSnapshotPath()
    {
        var path = Path.Combine(RepositoryPaths.RequireSharedDataDirectory(), "options", "deribit_options_snapshot_20260105T153329Z.csv");
        Requirement.Require(File.Exists(path), path, "see PROVENANCE.md §1");
        return path;
    }

    /// <summary>
    /// The snapshot's rows of one currency as quote JSON: premiums in coin × <c>underlying</c> (the venue forward) = USD,
    /// <c>implied_volatility</c> (Deribit's mark IV, decimal) as <c>markIv</c>. Returns the snapshot's as-of too.
    /// </summary>
    public static (DateTimeOffset AsOf, List<object> Quotes) DeribitQuotes(string currency)
    {
        var lines = File.ReadAllLines(DeribitSnapshotPath());
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        double? Number(string text) => string.IsNullOrWhiteSpace(text) ? null : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        var rows = lines.Skip(1).Select(l => l.Split(',')).Where(f => f[Col("currency")] == currency).ToList();
        var asOf = DateTimeOffset.Parse(rows[0][Col("timestamp")], CultureInfo.InvariantCulture);
        var quotes = rows.Select(f =>
        {
            var forward = Number(f[Col("underlying")])!.Value;
            return (object)new
            {
                expiry = DateTimeOffset.Parse(f[Col("expiry_datetime")], CultureInfo.InvariantCulture),
                strike = Number(f[Col("strike")]),
                type = f[Col("option_type")],
                bid = Number(f[Col("bid_price")]) * forward,
                ask = Number(f[Col("ask_price")]) * forward,
                mark = Number(f[Col("mark_price")]) * forward,
                underlyingPrice = forward,
                markIv = Number(f[Col("implied_volatility")]),
                premiumCurrency = "usd",
            };
        }).ToList();
        return (asOf, quotes);
    }

    public static string NewUnderlying() => "S" + Guid.NewGuid().ToString("N")[..7].ToUpperInvariant();

    /// <summary>Posts a fit as the writer and returns the stored surface (asserts 201).</summary>
    public static async Task<JsonElement> FitAsync(ApiFixture api, object body)
    {
        var response = await api.Client(TestKeys.Writer).PostAsJsonAsync("/api/v1/surfaces/fit", body, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(ApiFixture api, string path)
    {
        var response = await api.Client().GetAsync(path, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
