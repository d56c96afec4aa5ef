using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Analytics.Api.Tests.Endpoints.Surfaces;
using Analytics.Api.Tests.Infrastructure;

namespace Analytics.Api.Tests.Endpoints.Risk;

/// <summary>
/// Issue 15, second pass, through HTTP on both databases: the carry of a risk run from the indexed funding (PRODUCT.md
/// §3.4 item 1) or the stated fallback to rates carry; VaR runs stored, read back by id and drawn by another service on the
/// same database (a restart or another node); the backtest of a portfolio's stored daily runs against its realised P&amp;L
/// from the indexed closes; an expired option and a −100 % vol shock valued at their limits; vol moves by log-moneyness bucket.
/// </summary>
public abstract class RiskRunStorageAndCarryTests(ApiFixture api)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset AsOf = SurfaceTestData.AsOf.AddHours(1); // the surface's as-of + 1 h

    /// <summary>Days of closes after <see cref="AsOf"/>'s day seeded by <see cref="SeedAsync"/>.</summary>
    private const int DaysAfter = 5;

    /// <summary>
    /// Daily closes at 23:00 UTC of a fresh underlying: 400 days ending the day before <see cref="AsOf"/> at 3000 (seeded
    /// lognormal walk, 3 % a day), then <see cref="DaysAfter"/> more days from the same walk; and the synthetic surface.
    /// </summary>
    private async Task<(string Underlying, Dictionary<DateOnly, double> Closes)> SeedAsync()
    {
        var underlying = SurfaceTestData.NewUnderlying();
        var random = new Random(11);
        const int before = 400;
        var closes = new double[before + DaysAfter];
        closes[before - 1] = SurfaceTestData.Forward;
        for (int d = before - 2; d >= 0; d--) closes[d] = closes[d + 1] * Math.Exp(0.03 * (random.NextDouble() - 0.5) * 3.46);
        for (int d = before; d < closes.Length; d++) closes[d] = closes[d - 1] * Math.Exp(0.03 * (random.NextDouble() - 0.5) * 3.46);
        var byDay = new Dictionary<DateOnly, double>();
        var body = new StringBuilder("[");
        for (int d = 0; d < closes.Length; d++)
        {
            var at = AsOf.UtcDateTime.Date.AddDays(d - before).AddHours(23);
            byDay[DateOnly.FromDateTime(at)] = closes[d];
            body.Append(CultureInfo.InvariantCulture, $$"""{"underlying":"{{underlying}}","source":"test","timestamp":"{{at:yyyy-MM-ddTHH:mm:ssZ}}","price":{{closes[d]:R}}}""");
            body.Append(d < closes.Length - 1 ? "," : "]");
        }

        var posted = await api.Client(TestKeys.Writer).PostAsync("/api/v1/prices", new StringContent(body.ToString(), Encoding.UTF8, "application/json"), Token);
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync(Token));
        await SurfaceTestData.FitAsync(api, new { underlying, asOf = SurfaceTestData.AsOf, quotes = SurfaceTestData.SyntheticQuotes() });
        return (underlying, byDay);
    }

    private async Task<JsonElement> PostAsync(string path, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await api.Client().PostAsJsonAsync(path, body, Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static object Call(string underlying, double strike, string expiry, double quantity, string style = "european") =>
        new { kind = "option", underlying, type = "call", style, strike, expiry, quantity, chain = "arbitrum-one" };

    [Fact]
    public async Task FundingCarry_IsTheTimeWeightedAnnualisedMeanOverTheWindowEndingAtAsOf()
    {
        var (underlying, _) = await SeedAsync();
        var market = underlying + "-USDT";
        // Three 8-hour observations in the 24 h before asOf and one older that the window leaves out.
        var rows = new[] { (0, 0.0001), (8, 0.0002), (16, 0.0003), (30, 0.01) }.Select(o => new
        {
            venue = "testvenue", market, timestamp = AsOf.AddHours(-o.Item1), rate = o.Item2, intervalHours = 8,
        });
        var ingest = await api.Client(TestKeys.Writer).PostAsJsonAsync("/api/v1/funding", rows, Token);
        Assert.True(ingest.IsSuccessStatusCode, await ingest.Content.ReadAsStringAsync(Token));

        var run = await PostAsync("/api/v1/risk/var", new
        {
            positions = new[] { Call(underlying, 3100, "2026-03-27", 1) }, asOf = AsOf, method = "parametric",
            carry = new Dictionary<string, object> { [underlying] = new { source = "funding", venue = "testvenue", market, lookbackHours = 24 } },
        });

        // PRODUCT.md §3.4: annualised = ratePerInterval × 8760 / intervalHours, time-weighted: mean 0.0002 per 8 h.
        var carry = run.GetProperty("inputs").GetProperty("carry").GetProperty(underlying);
        Assert.Equal("funding", carry.GetProperty("source").GetString());
        Assert.Equal(0.0002 * 8760 / 8, carry.GetProperty("costOfCarry").GetDouble(), 12);
        Assert.Equal(0.0002 * 8760 / 8, run.GetProperty("inputs").GetProperty("carryPerUnderlying").GetProperty(underlying).GetDouble(), 12);
        Assert.Equal(AsOf, carry.GetProperty("windowTo").GetDateTimeOffset());
        Assert.Equal(AsOf.AddHours(-24), carry.GetProperty("windowFrom").GetDateTimeOffset());
        Assert.Equal("testvenue", carry.GetProperty("venue").GetString());
    }

    [Fact]
    public async Task FundingCarryWithoutIndexedFunding_FallsBackToRatesAndSaysSo()
    {
        var (underlying, _) = await SeedAsync();
        var positions = new[] { Call(underlying, 3100, "2026-03-27", 1) };

        var requested = await PostAsync("/api/v1/risk/var", new
        {
            positions, asOf = AsOf, method = "parametric",
            carry = new Dictionary<string, object> { [underlying] = new { source = "funding", venue = "nowhere", market = "NONE-USDT", rate = 0.03 } },
        });
        var configured = await PostAsync("/api/v1/risk/var", new { positions, asOf = AsOf, method = "parametric" });

        var fellBack = requested.GetProperty("inputs").GetProperty("carry").GetProperty(underlying);
        Assert.Equal("rates", fellBack.GetProperty("source").GetString());
        Assert.Equal(0.03, fellBack.GetProperty("costOfCarry").GetDouble(), 15);
        Assert.Equal(0.03, fellBack.GetProperty("rate").GetDouble(), 15);
        Assert.Contains("fell back", fellBack.GetProperty("note").GetString());
        Assert.Contains("NONE-USDT", fellBack.GetProperty("note").GetString());
        // A fresh underlying has no configured perp: rates carry at Risk:Carry:Rate (0).
        var byDefault = configured.GetProperty("inputs").GetProperty("carry").GetProperty(underlying);
        Assert.Equal("rates", byDefault.GetProperty("source").GetString());
        Assert.Equal(0.0, byDefault.GetProperty("costOfCarry").GetDouble());
        Assert.Contains("configured", byDefault.GetProperty("note").GetString());
    }

    [Theory]
    [InlineData("""{"source":"guess"}""", "carry.ETH.source")]
    [InlineData("""{"source":"explicit"}""", "carry.ETH.costOfCarry")]
    [InlineData("""{"source":"rates","rate":2}""", "carry.ETH.rate")]
    [InlineData("""{"source":"funding","venue":"binance","market":"ETH-USDT","lookbackHours":0}""", "carry.ETH.lookbackHours")]
    public async Task BadCarry_Is400NamingTheField(string carry, string field)
    {
        var body = $$$"""{"positions":[{"kind":"spot","underlying":"ETH","quantity":1}],"carry":{"ETH":{{{carry}}}}}""";

        var response = await api.Client().PostAsync("/api/v1/risk/var", new StringContent(body, Encoding.UTF8, "application/json"), Token);

        await ProblemAssert.HasFieldErrorAsync(response, field);
    }

    [Fact]
    public async Task StoredRun_IsReadBackByIdAndDrawnByAnotherServiceOnTheSameDatabase()
    {
        var (underlying, _) = await SeedAsync();
        var run = await PostAsync("/api/v1/risk/var", new
        {
            positions = new object[] { Call(underlying, 3300, "2026-02-04", -10), new { kind = "perp", underlying, quantity = 2.5, entryPrice = 2950 } },
            collateral = new object[] { new { asset = underlying, amount = 3 } },
            asOf = AsOf, method = "historical",
        });
        var id = run.GetProperty("id").GetString()!;

        // Another service on the same database: what a restart or a second node sees.
        await using var other = new ApiFactory(api.Factory.Database);
        using var client = other.CreateClient();
        var read = await client.GetAsync($"/api/v1/risk/var/{id}", Token);
        var svg = await client.GetAsync($"/api/v1/risk/var/{id}.svg", Token);
        var missing = await client.GetAsync("/api/v1/risk/var/0123456789abcdef", Token);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var back = await read.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal(run.GetProperty("var").GetDouble(), back.GetProperty("var").GetDouble());
        Assert.Equal(run.GetProperty("expectedShortfall").GetDouble(), back.GetProperty("expectedShortfall").GetDouble());
        Assert.Equal(run.GetProperty("contributions").GetRawText(), back.GetProperty("contributions").GetRawText());
        Assert.Equal(run.GetProperty("pnlHistogram").GetRawText(), back.GetProperty("pnlHistogram").GetRawText());
        Assert.Equal(run.GetProperty("worstScenarios").GetRawText(), back.GetProperty("worstScenarios").GetRawText());
        Assert.Equal(run.GetProperty("inputs").GetRawText(), back.GetProperty("inputs").GetRawText());
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BacktestOfStoredRuns_PairsTheLastRunOfEachDayWithTheRealisedPnlOfTheCloses()
    {
        var (underlying, closes) = await SeedAsync();
        const double quantity = 4;
        var created = await api.Client(TestKeys.Writer).PostAsJsonAsync("/api/v1/portfolios",
            new { name = "backtest", collateral = Array.Empty<object>(), positions = new[] { new { kind = "spot", underlying, quantity } } }, Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetInt64();

        // Days 0–3 after asOf's day: one run each (two on day 1, the later one counts; a 95 % run on day 0 does not).
        var used = new Dictionary<DateOnly, string>();
        for (int day = 0; day < 4; day++)
        {
            foreach (var hours in day == 1 ? new[] { 1, 5 } : [1])
            {
                var run = await PostAsync("/api/v1/risk/var", new { portfolioId = id, asOf = AsOf.AddDays(day).AddHours(hours), method = "historical", confidence = 0.99 });
                used[DateOnly.FromDateTime(AsOf.UtcDateTime.AddDays(day))] = run.GetProperty("id").GetString()!;
            }
        }

        await PostAsync("/api/v1/risk/var", new { portfolioId = id, asOf = AsOf.AddHours(2), method = "historical", confidence = 0.95 });

        var first = DateOnly.FromDateTime(AsOf.UtcDateTime);
        var result = await PostAsync("/api/v1/risk/backtest", new { portfolioId = id, from = first, to = first.AddDays(4), confidence = 0.99 });

        var pairs = result.GetProperty("pairs").EnumerateArray().ToArray();
        Assert.Equal(4, pairs.Length);
        for (int i = 0; i < 4; i++)
        {
            var day = first.AddDays(i);
            Assert.Equal(day, DateOnly.Parse(pairs[i].GetProperty("day").GetString()!, CultureInfo.InvariantCulture));
            Assert.Equal(used[day], pairs[i].GetProperty("runId").GetString());
            // A spot holding is linear: the run's spot (the previous day's close, the latest price before 09:00) moved by the
            // day's close-to-close return, times the quantity.
            double spot = closes[day.AddDays(-1)], expected = quantity * spot * (closes[day.AddDays(1)] / closes[day] - 1);
            Assert.Equal(expected, pairs[i].GetProperty("pnl").GetDouble(), Math.Abs(expected) * 1e-9 + 1e-9);
        }

        var skipped = result.GetProperty("skipped").EnumerateArray().Single();
        Assert.Equal(first.AddDays(4), DateOnly.Parse(skipped.GetProperty("day").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal(4, result.GetProperty("kupiec").GetProperty("observations").GetInt32());
    }

    [Fact]
    public async Task BacktestOfStoredRuns_WithoutRunsIs422AndBadFieldsAre400()
    {
        var underlying = SurfaceTestData.NewUnderlying();
        var price = await api.Client(TestKeys.Writer).PostAsync("/api/v1/prices", new StringContent(
            $$"""[{"underlying":"{{underlying}}","source":"test","timestamp":"2025-12-31T23:00:00Z","price":3000}]""", Encoding.UTF8, "application/json"), Token);
        Assert.True(price.IsSuccessStatusCode, await price.Content.ReadAsStringAsync(Token));
        var created = await api.Client(TestKeys.Writer).PostAsJsonAsync("/api/v1/portfolios",
            new { name = "empty", collateral = Array.Empty<object>(), positions = new[] { new { kind = "spot", underlying, quantity = 1 } } }, Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetInt64();

        var none = await api.Client().PostAsJsonAsync("/api/v1/risk/backtest", new { portfolioId = id, from = "2026-01-01", to = "2026-01-10" }, Token);
        var reversed = await api.Client().PostAsJsonAsync("/api/v1/risk/backtest", new { portfolioId = id, from = "2026-01-10", to = "2026-01-01" }, Token);
        var both = await api.Client().PostAsJsonAsync("/api/v1/risk/backtest", new { portfolioId = id, from = "2026-01-01", to = "2026-01-02", var = new[] { 1.0 }, pnl = new[] { 1.0 } }, Token);
        var unknown = await api.Client().PostAsJsonAsync("/api/v1/risk/backtest", new { portfolioId = 987654321, from = "2026-01-01", to = "2026-01-02" }, Token);

        await ProblemAssert.IsProblemAsync(none, HttpStatusCode.UnprocessableEntity);
        await ProblemAssert.HasFieldErrorAsync(reversed, "to");
        await ProblemAssert.HasFieldErrorAsync(both, "portfolioId");
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ExpiredOptionsAndAMinus100PercentVolShock_PriceAtTheirLimits()
    {
        var (underlying, _) = await SeedAsync();
        var expiredDay = AsOf.AddDays(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var positions = new[]
        {
            Call(underlying, 2500, expiredDay, 2),                  // expired in the money: worth its intrinsic 2 × (S − 2500)
            Call(underlying, 2600, expiredDay, -1, "american"),      // expired, short
            Call(underlying, 3000, "2026-03-27", 1),                 // live at the money
            Call(underlying, 10, "2026-03-27", 1),                   // deep in the money
            Call(underlying, 2900, AsOf.AddMinutes(1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), 1, "american"), // one minute left
            Call(underlying, 3100, AsOf.AddMinutes(1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), -1),             // one minute left
        };

        var stress = await PostAsync("/api/v1/risk/stress", new
        {
            positions, asOf = AsOf,
            scenarios = new object[]
            {
                new { name = "vol -100%", moves = new Dictionary<string, object> { [underlying] = new { vol = -1.0 } } },
                new { name = "up 10%, vol -100%", moves = new Dictionary<string, object> { [underlying] = new { spot = 0.1, vol = -1.0 } } },
            },
        });
        foreach (var method in new[] { "historical", "parametric", "delta-gamma", "monte-carlo" })
            await PostAsync("/api/v1/risk/var", new { positions, asOf = AsOf, method, paths = 1000 });

        // A book of expired options alone needs no surface (before the surface's as-of there is none): intrinsic values.
        var expiredOnly = await PostAsync("/api/v1/risk/stress", new
        {
            positions = positions.Take(2), asOf = SurfaceTestData.AsOf.AddHours(-1),
            scenarios = new object[] { new { name = "up 10%", moves = new Dictionary<string, object> { [underlying] = new { spot = 0.1 } } } },
        });
        Assert.Equal(-300.0, expiredOnly.GetProperty("scenarios")[0].GetProperty("loss").GetDouble(), 6); // −2·300 + 300

        var results = stress.GetProperty("scenarios").EnumerateArray().ToArray();
        var down = results[0].GetProperty("positionLosses").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        var up = results[1].GetProperty("positionLosses").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        // Expired options do not move with vol; with spot +10 % (300) their intrinsic moves: 2 × 300 gained, 1 × 300 lost.
        Assert.Equal(0.0, down[0], 9);
        Assert.Equal(0.0, down[1], 9);
        Assert.Equal(-600.0, up[0], 6);
        Assert.Equal(300.0, up[1], 6);
        // At zero vol (r = b = 0) the live call is worth max(S − K, 0): at the money it loses its whole time value, > 0.
        Assert.True(down[2] > 0, $"ATM call loss at zero vol {down[2]}");
        Assert.All(down.Concat(up), x => Assert.True(double.IsFinite(x)));
    }

    [Fact]
    public async Task VolMoveByLogMoneynessBucket_ShiftsEachOptionByItsBucket()
    {
        var (underlying, _) = await SeedAsync();
        // k = ln(K / F) at spot 3000 with b = 0: put 2700 → −0.105, call 3300 → +0.095.
        var positions = new[]
        {
            new { kind = "option", underlying, type = "put", style = "european", strike = 2700.0, expiry = "2026-03-27", quantity = 1.0, chain = "arbitrum-one" },
            new { kind = "option", underlying, type = "call", style = "european", strike = 3300.0, expiry = "2026-03-27", quantity = 1.0, chain = "arbitrum-one" },
        };
        object Moves(object vol) => new Dictionary<string, object> { [underlying] = new { vol } };

        var stress = await PostAsync("/api/v1/risk/stress", new
        {
            positions, asOf = AsOf,
            scenarios = new object[]
            {
                new { name = "wings", moves = Moves(new { buckets = new object[] { new { maxLogMoneyness = -0.05, shift = 0.2 }, new { shift = 0.0 } } }) },
                new { name = "flat +20", moves = Moves(0.2) },
            },
        });
        var bad = await api.Client().PostAsJsonAsync("/api/v1/risk/stress", new
        {
            positions, asOf = AsOf,
            scenarios = new object[] { new { name = "open", moves = Moves(new { buckets = new object[] { new { maxLogMoneyness = 0.1, shift = 0.2 } } }) } },
        }, Token);

        var results = stress.GetProperty("scenarios").EnumerateArray().ToArray();
        var bucketed = results[0].GetProperty("positionLosses").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        var flat = results[1].GetProperty("positionLosses").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        Assert.Equal(flat[0], bucketed[0], 9); // the put is in the first bucket: +20 vol points
        Assert.Equal(0.0, bucketed[1], 9);     // the call is in the open bucket: no move
        Assert.True(flat[0] < 0 && flat[1] < 0, "a long option gains when vol rises");
        var echoed = results[0].GetProperty("moves").GetProperty(underlying).GetProperty("volBuckets").EnumerateArray().ToArray();
        Assert.Equal(-0.05, echoed[0].GetProperty("maxLogMoneyness").GetDouble());
        Assert.Equal(JsonValueKind.Null, echoed[1].GetProperty("maxLogMoneyness").ValueKind);
        await ProblemAssert.HasFieldErrorAsync(bad, "scenarios[0].moves." + underlying + ".vol.buckets[0].maxLogMoneyness");
    }

    [Fact]
    public async Task StickyMoneyness_MovesOptionVolsWithSpotAndLeavesLinearBooksAlone()
    {
        var (underlying, _) = await SeedAsync();
        var options = new[] { Call(underlying, 3000, "2026-03-27", -10) };
        var linear = new[] { new { kind = "perp", underlying, quantity = 3.0, entryPrice = 2900.0 } };

        var held = await PostAsync("/api/v1/risk/var", new { positions = options, asOf = AsOf, method = "historical" });
        var sticky = await PostAsync("/api/v1/risk/var", new { positions = options, asOf = AsOf, method = "historical", volModel = "sticky-moneyness" });
        var linearHeld = await PostAsync("/api/v1/risk/var", new { positions = linear, asOf = AsOf, method = "historical" });
        var linearSticky = await PostAsync("/api/v1/risk/var", new { positions = linear, asOf = AsOf, method = "historical", volModel = "sticky-moneyness" });

        Assert.Equal("sticky-moneyness", sticky.GetProperty("volModel").GetString());
        Assert.Equal("held", held.GetProperty("volModel").GetString());
        Assert.NotEqual(held.GetProperty("var").GetDouble(), sticky.GetProperty("var").GetDouble()); // the synthetic smile is skewed
        Assert.Equal(linearHeld.GetProperty("var").GetDouble(), linearSticky.GetProperty("var").GetDouble());
    }

    [Fact]
    public async Task SurfaceHistory_WithOneStoredSurface_HoldsVolsAndSaysHowManyReturnsMoved()
    {
        // One surface is stored, so no return has a surface on both its days: the run equals `held` and says so.
        var (underlying, _) = await SeedAsync();
        var options = new[] { Call(underlying, 3000, "2026-03-27", -10) };

        var held = await PostAsync("/api/v1/risk/var", new { positions = options, asOf = AsOf, method = "historical" });
        var history = await PostAsync("/api/v1/risk/var", new { positions = options, asOf = AsOf, method = "historical", volModel = "surface-history" });

        Assert.Equal("surface-history", history.GetProperty("volModel").GetString());
        Assert.Equal(held.GetProperty("var").GetDouble(), history.GetProperty("var").GetDouble());
        Assert.Contains($"{underlying}: 0 of", history.GetProperty("horizonScaling").GetString());
    }
}

public sealed class SqliteRiskRunStorageAndCarryTests(SqliteApi api) : RiskRunStorageAndCarryTests(api), IClassFixture<SqliteApi>;

public sealed class PostgresRiskRunStorageAndCarryTests : RiskRunStorageAndCarryTests, IClassFixture<PostgresApi>
{
    public PostgresRiskRunStorageAndCarryTests(PostgresApi api) : base(api) => api.RequireAvailable();
}
