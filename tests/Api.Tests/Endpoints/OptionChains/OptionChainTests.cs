using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Analytics.Api.Tests.Endpoints.Surfaces;
using Analytics.Api.Tests.Infrastructure;
using MathNet.Numerics.Distributions;

namespace Analytics.Api.Tests.Endpoints.OptionChains;

/// <summary>
/// The option chain a frontend can show (issue 14 item 5; API.md GET /api/v1/chains/{underlying}; PRODUCT.md §3.3, §3.4), on
/// the Deribit board of 2026-01-05 15:33 UTC in ../shared/data/options (indexed, then fitted at the board's instant): every
/// listed strike including the no-bid wings, marked when outside the quoted range; bid and ask of the L2 model with the
/// trade-term parameters; no L2 costs without <c>chain</c>; inverse premiums; 400s naming the parameter; one ETag per content.
/// Run on SQLite and PostgreSQL (<see cref="OptionChainSqliteTests"/>, <see cref="OptionChainPostgresTests"/>).
/// </summary>
public abstract class OptionChainTests(ApiFixture api)
{
    private static readonly ConditionalWeakTable<ApiFixture, Task<long>> Fits = [];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>The ETH surface fitted from the newer Deribit board at its own instant (once per started service).</summary>
    private Task<long> SurfaceIdAsync()
    {
        lock (Fits)
            return Fits.GetValue(api, async fixture =>
            {
                await SurfaceSnapshotBoards.EnsureLoadedAsync(fixture);
                var fitted = await SurfaceTestData.FitAsync(fixture, new { underlying = "ETH", asOf = SurfaceSnapshotBoards.Newer.AddMilliseconds(1) });
                return fitted.GetProperty("id").GetInt64();
            });
    }

    private async Task<(HttpResponseMessage Response, JsonElement Body)> ChainAsync(string query)
    {
        var response = await api.Client().GetAsync($"/api/v1/chains/ETH?surfaceId={await SurfaceIdAsync()}&{query}", Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {(int)response.StatusCode} {text}");
        return (response, JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>The board's rows of one currency and expiry date: strike → (right → bid in coin, or null without a bid).</summary>
    private static SortedDictionary<double, Dictionary<string, double?>> Board(string currency, string expiryDate)
    {
        var lines = File.ReadAllLines(SurfaceTestData.DeribitSnapshotPath());
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        var board = new SortedDictionary<double, Dictionary<string, double?>>();
        foreach (var f in lines.Skip(1).Select(l => l.Split(',')))
        {
            if (f[Col("currency")] != currency || !f[Col("expiry_datetime")].StartsWith(expiryDate, StringComparison.Ordinal)) continue;
            var strike = double.Parse(f[Col("strike")], CultureInfo.InvariantCulture);
            var bid = f[Col("bid_price")];
            if (!board.TryGetValue(strike, out var rights)) board[strike] = rights = [];
            rights[f[Col("option_type")]] = string.IsNullOrWhiteSpace(bid) ? null : double.Parse(bid, CultureInfo.InvariantCulture);
        }
        return board;
    }

    [Theory]
    [InlineData("2026-01-30")]
    [InlineData("2026-03-27")]
    [InlineData("2026-01-06")]
    public async Task EveryListedStrike_IncludingTheNoBidWings_AppearsAndTheWingsAreMarkedOnTheirSide(string expiry)
    {
        var (_, chain) = await ChainAsync($"expiry={expiry}&chain=arbitrum-one");
        var board = Board("ETH", expiry);
        var rows = chain.GetProperty("strikes").EnumerateArray().ToArray();

        Assert.Equal("quote-snapshot", chain.GetProperty("strikeSource").GetString());
        Assert.Equal(board.Keys.ToArray(), rows.Select(r => r.GetProperty("strike").GetDouble()).ToArray());
        Assert.False(chain.TryGetProperty("unpricedStrikes", out _));

        // Every strike the fit kept as a smile point is listed (the board lists at least those; a strike the fit dropped is listed too).
        var surface = await SurfaceTestData.GetJsonAsync(api, $"/api/v1/surfaces/{chain.GetProperty("surfaceId").GetInt64()}");
        var slice = surface.GetProperty("slices").EnumerateArray().Single(s => s.GetProperty("expiry").GetDateTimeOffset().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) == expiry);
        var fitted = slice.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("strike").GetDouble()).ToHashSet();
        Assert.Subset(rows.Select(r => r.GetProperty("strike").GetDouble()).ToHashSet(), fitted);

        // Each row says on which side of the two-sided quoted range it lies (the surface's own description of /vol).
        var forward = chain.GetProperty("forward").GetDouble();
        foreach (var row in rows)
        {
            var k = row.GetProperty("logMoneyness").GetDouble();
            var rule = row.GetProperty("extrapolation");
            var (from, to) = (rule.GetProperty("quotedLogMoneynessFrom").GetDouble(), rule.GetProperty("quotedLogMoneynessTo").GetDouble());
            var expected = k < from ? "below-quoted-range" : k > to ? "above-quoted-range" : "within-quoted-range";
            Assert.Equal(expected, rule.GetProperty("strike").GetString());
            Assert.Equal("on-slice", rule.GetProperty("tenor").GetString());
            Assert.Equal(expected == "within-quoted-range", rule.GetProperty("interpolated").GetBoolean());
        }

        // The wings: strikes whose out-of-the-money option has no bid on the board, beyond every strike whose one has a bid,
        // lie outside the range quoted on both sides, on their own side.
        static bool OtmBid(KeyValuePair<double, Dictionary<string, double?>> s, double f) =>
            s.Value.TryGetValue(s.Key >= f ? "call" : "put", out var bid) && bid is > 0;
        var quoted = board.Where(s => OtmBid(s, forward)).Select(s => s.Key).ToArray();
        var wings = board.Where(s => !OtmBid(s, forward) && (s.Key < quoted.Min() || s.Key > quoted.Max())).Select(s => s.Key).ToArray();
        Assert.NotEmpty(wings);
        foreach (var wing in wings)
        {
            var row = rows.Single(r => r.GetProperty("strike").GetDouble() == wing);
            Assert.Equal(wing < forward ? "below-quoted-range" : "above-quoted-range", row.GetProperty("extrapolation").GetProperty("strike").GetString());
        }
    }

    [Fact]
    public async Task WingStrikesTheFitDrops_AreListedFromThePostedQuotes_AndMarkedOutsideTheQuotedRange()
    {
        // Posted quotes: the synthetic board (strikes 1800–4800, two-sided) plus four wing strikes with an ask only and no mark,
        // which the fit cannot use (no bid, no mark vol) and drops.
        var underlying = SurfaceTestData.NewUnderlying();
        var quotes = SurfaceTestData.SyntheticQuotes();
        var wings = new[] { 1200.0, 1500.0, 6000.0, 7000.0 };
        foreach (var expiry in SurfaceTestData.Expiries)
            foreach (var strike in wings)
                quotes.Add(new { expiry, strike, type = strike < SurfaceTestData.Forward ? "put" : "call", ask = 0.5, underlyingPrice = SurfaceTestData.Forward });
        var fitted = await SurfaceTestData.FitAsync(api, new { underlying, asOf = SurfaceTestData.AsOf, quotes });
        var slice = fitted.GetProperty("slices")[1];
        var points = slice.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("strike").GetDouble()).ToHashSet();
        Assert.DoesNotContain(points, wings.Contains);

        var response = await api.Client().GetAsync(
            $"/api/v1/chains/{underlying}?expiry={SurfaceTestData.Expiries[1]:yyyy-MM-dd}&chain=base&surfaceId={fitted.GetProperty("id").GetInt64()}", Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var chain = JsonDocument.Parse(text).RootElement;
        Assert.Equal("posted-quotes", chain.GetProperty("strikeSource").GetString());
        var rows = chain.GetProperty("strikes").EnumerateArray().ToDictionary(r => r.GetProperty("strike").GetDouble());
        Assert.Equal(points.Concat(wings).Order().ToArray(), rows.Keys.ToArray());
        foreach (var wing in wings)
        {
            var rule = rows[wing].GetProperty("extrapolation");
            Assert.Equal(wing < SurfaceTestData.Forward ? "below-quoted-range" : "above-quoted-range", rule.GetProperty("strike").GetString());
            Assert.False(rule.GetProperty("interpolated").GetBoolean());
            var call = rows[wing].GetProperty("call");
            Assert.True(call.GetProperty("bid").GetDouble() <= call.GetProperty("mid").GetDouble() && call.GetProperty("mid").GetDouble() <= call.GetProperty("ask").GetDouble());
        }
        Assert.Equal("within-quoted-range", rows[3000].GetProperty("extrapolation").GetProperty("strike").GetString());
    }

    [Fact]
    public async Task WithChain_BidAtMostMidAtMostAsk_OnEveryStrikeAndRight()
    {
        var (_, chain) = await ChainAsync("expiry=2026-03-27&chain=op-mainnet&contracts=3&takerFeeRate=0.0005&rehedgeIntervalHours=0.5");
        foreach (var row in chain.GetProperty("strikes").EnumerateArray())
            foreach (var leg in new[] { row.GetProperty("call"), row.GetProperty("put") })
            {
                var (bid, mid, ask) = (leg.GetProperty("bid").GetDouble(), leg.GetProperty("mid").GetDouble(), leg.GetProperty("ask").GetDouble());
                Assert.True(bid <= mid && mid <= ask, $"strike {row.GetProperty("strike").GetDouble()}: {bid} ≤ {mid} ≤ {ask}");
                Assert.True(leg.GetProperty("volBid").GetDouble() <= leg.GetProperty("volAsk").GetDouble());
            }
        Assert.Equal("op-mainnet", chain.GetProperty("chain").GetString());
        Assert.Equal(3, chain.GetProperty("contracts").GetDouble());
        Assert.Equal(0.0005, chain.GetProperty("takerFeeRate").GetDouble());
        Assert.Equal(0.5, chain.GetProperty("rehedgeIntervalHours").GetDouble());
    }

    [Fact]
    public async Task WithoutChain_NoL2Costs_MidsAndGreeksAsWithAChain()
    {
        var (_, without) = await ChainAsync("expiry=2026-03-27");
        var (_, with) = await ChainAsync("expiry=2026-03-27&chain=ethereum&takerFeeRate=0.001");

        Assert.False(without.TryGetProperty("chain", out _));
        Assert.False(without.TryGetProperty("gasPerContractUsd", out _));
        var (a, b) = (without.GetProperty("strikes").EnumerateArray().ToArray(), with.GetProperty("strikes").EnumerateArray().ToArray());
        Assert.Equal(a.Length, b.Length);
        for (var i = 0; i < a.Length; i++)
            foreach (var right in new[] { "call", "put" })
            {
                var (plain, costed) = (a[i].GetProperty(right), b[i].GetProperty(right));
                foreach (var absent in new[] { "bid", "ask", "volBid", "volAsk", "lelandNumber", "bidFloorHit" })
                    Assert.False(plain.TryGetProperty(absent, out _), $"{absent} present without chain");
                // Settling on the L2 has no delay (PRODUCT.md §3.4 part 2): the L2 model leaves the mid alone.
                Assert.Equal(costed.GetProperty("mid").GetDouble(), plain.GetProperty("mid").GetDouble());
                Assert.Equal(costed.GetProperty("greeks").GetProperty("delta").GetDouble(), plain.GetProperty("greeks").GetProperty("delta").GetDouble());
                Assert.True(costed.GetProperty("bid").GetDouble() < costed.GetProperty("ask").GetDouble());
            }
    }

    /// <summary>Black-76, discounted: DF·(F·N(d1) − K·N(d2)) for a call, DF·(K·N(−d2) − F·N(−d1)) for a put (Black 1976).</summary>
    private static double Black76(bool call, double forward, double strike, double tenorYears, double vol, double discountFactor)
    {
        var s = vol * Math.Sqrt(tenorYears);
        var d1 = (Math.Log(forward / strike) + 0.5 * s * s) / s;
        var d2 = d1 - s;
        return discountFactor * (call
            ? forward * Normal.CDF(0, 1, d1) - strike * Normal.CDF(0, 1, d2)
            : strike * Normal.CDF(0, 1, -d2) - forward * Normal.CDF(0, 1, -d1));
    }

    [Fact]
    public async Task TakerFee_WidensTheSpreadAsLelandSays_ByHand_AndAsPostOptionsPriceWithThatL2Block()
    {
        const double Contracts = 2, Fee = 0.0005, RehedgeHours = 4;
        var profiles = await SurfaceTestData.GetJsonAsync(api, "/api/v1/l2/chains");
        var gasUsd = profiles.GetProperty("chains").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "arbitrum-one").GetProperty("gasCostUsd").GetDouble();
        var (_, chain) = await ChainAsync($"expiry=2026-03-27&chain=arbitrum-one&contracts={Contracts}&takerFeeRate={Fee}&rehedgeIntervalHours={RehedgeHours}");
        var (_, noFee) = await ChainAsync($"expiry=2026-03-27&chain=arbitrum-one&contracts={Contracts}&rehedgeIntervalHours={RehedgeHours}");
        var (f, df, t) = (chain.GetProperty("forward").GetDouble(), chain.GetProperty("discountFactor").GetDouble(), chain.GetProperty("tenorYears").GetDouble());
        var rows = chain.GetProperty("strikes").EnumerateArray().ToArray();
        var atm = rows.MinBy(r => Math.Abs(r.GetProperty("logMoneyness").GetDouble()));
        var (strike, vol) = (atm.GetProperty("strike").GetDouble(), atm.GetProperty("vol").GetDouble());

        // PRODUCT.md §3.4 part 4: k = 2·(takerFeeRate + gasCostUsd / hedgeNotionalUsd), hedge notional = contracts × spot
        // (the forward under Black-76); Le = sqrt(2/π)·k/(σ·sqrt(Δt)); σ_ask = σ·sqrt(1 + Le), σ_bid = σ·sqrt(max(0, 1 − Le));
        // part 3: gas per contract = gasCostUsd / contracts on each side.
        var k = 2 * (Fee + gasUsd / (Contracts * f));
        var le = Math.Sqrt(2 / Math.PI) * k / (vol * Math.Sqrt(RehedgeHours / 8760.0));
        var (volAsk, volBid) = (vol * Math.Sqrt(1 + le), vol * Math.Sqrt(Math.Max(0, 1 - le)));
        Assert.True(le is > 0.01 and < 1, $"Le = {le}: the check should exercise the fee, below the bid floor");
        var gasPerContract = gasUsd / Contracts;
        var call = atm.GetProperty("call");
        Assert.Equal(k, chain.GetProperty("roundTripCostRate").GetDouble(), 1e-15);
        Assert.Equal(le, call.GetProperty("lelandNumber").GetDouble(), 1e-12);
        var expectedAsk = Black76(true, f, strike, t, volAsk, df) + gasPerContract;
        var expectedBid = Black76(true, f, strike, t, volBid, df) - gasPerContract;
        Assert.Equal(expectedAsk, call.GetProperty("ask").GetDouble(), 1e-8 * expectedAsk);
        Assert.Equal(expectedBid, call.GetProperty("bid").GetDouble(), 1e-8 * expectedBid);

        // The fee raises the spread of every strike.
        var plain = noFee.GetProperty("strikes").EnumerateArray().ToArray();
        for (var i = 0; i < rows.Length; i++)
            foreach (var right in new[] { "call", "put" })
            {
                double Spread(JsonElement r) => r.GetProperty(right).GetProperty("ask").GetDouble() - r.GetProperty(right).GetProperty("bid").GetDouble();
                Assert.True(Spread(rows[i]) > Spread(plain[i]), $"strike {rows[i].GetProperty("strike").GetDouble()} {right}");
            }

        // One code path with POST /options/price and an l2 block: the same option gives the same bid and ask.
        var priced = await api.Client().PostAsJsonAsync("/api/v1/options/price", new
        {
            type = "call", forward = f, strike, tenorYears = t, vol, rate = -Math.Log(df) / t,
            l2 = new { chain = "arbitrum-one", contracts = Contracts, takerFeeRate = Fee, rehedgeIntervalHours = RehedgeHours },
        }, Token);
        var text = await priced.Content.ReadAsStringAsync(Token);
        Assert.True(priced.StatusCode == HttpStatusCode.OK, text);
        var l2 = JsonDocument.Parse(text).RootElement.GetProperty("l2");
        Assert.Equal(l2.GetProperty("ask").GetDouble(), call.GetProperty("ask").GetDouble(), 1e-12 * expectedAsk);
        Assert.Equal(l2.GetProperty("bid").GetDouble(), call.GetProperty("bid").GetDouble(), 1e-12 * expectedAsk);
    }

    [Fact]
    public async Task PremiumCurrencyUnderlying_IsTheUsdPremiumOverTheForward_WithTheGreeksOfThatQuotient()
    {
        var (_, usd) = await ChainAsync("expiry=2026-01-30&chain=base&takerFeeRate=0.0005");
        var (_, coin) = await ChainAsync("expiry=2026-01-30&chain=base&takerFeeRate=0.0005&premiumCurrency=underlying");
        Assert.Equal("usd", usd.GetProperty("premiumCurrency").GetString());
        Assert.Equal("underlying", coin.GetProperty("premiumCurrency").GetString());
        var f = usd.GetProperty("forward").GetDouble();
        var (a, b) = (usd.GetProperty("strikes").EnumerateArray().ToArray(), coin.GetProperty("strikes").EnumerateArray().ToArray());
        Assert.Equal(a.Length, b.Length);
        for (var i = 0; i < a.Length; i++)
            foreach (var right in new[] { "call", "put" })
            {
                var (u, c) = (a[i].GetProperty(right), b[i].GetProperty(right));
                foreach (var field in new[] { "mid", "bid", "ask" })
                    Assert.Equal(u.GetProperty(field).GetDouble() / f, c.GetProperty(field).GetDouble(), 1e-12);
                // PremiumCurrency's convention (Deribit, inverse options): U = V/F, so ∂U/∂F = (Δ − U)/F and vega / F.
                var mid = u.GetProperty("mid").GetDouble() / f;
                Assert.Equal((u.GetProperty("greeks").GetProperty("delta").GetDouble() - mid) / f, c.GetProperty("greeks").GetProperty("delta").GetDouble(), 1e-12);
                Assert.Equal(u.GetProperty("greeks").GetProperty("vega").GetDouble() / f, c.GetProperty("greeks").GetProperty("vega").GetDouble(), 1e-9);
            }
    }

    [Theory]
    [InlineData("contracts=0", "contracts")]
    [InlineData("contracts=-1", "contracts")]
    [InlineData("contracts=abc", "contracts")]
    [InlineData("contracts=5e-324", "contracts")]
    [InlineData("contracts=1e10", "contracts")]
    [InlineData("takerFeeRate=-0.0001", "takerFeeRate")]
    [InlineData("takerFeeRate=0.5", "takerFeeRate")]
    [InlineData("takerFeeRate=NaN", "takerFeeRate")]
    [InlineData("rehedgeIntervalHours=0", "rehedgeIntervalHours")]
    [InlineData("rehedgeIntervalHours=Infinity", "rehedgeIntervalHours")]
    [InlineData("rehedgeIntervalHours=1e308", "rehedgeIntervalHours")]
    [InlineData("premiumCurrency=btc", "premiumCurrency")]
    [InlineData("chain=solana", "chain")]
    public async Task BadParameter_Is400NamingIt(string parameter, string field) =>
        await ProblemAssert.HasFieldErrorAsync(await api.Client().GetAsync($"/api/v1/chains/ETH?expiry=2026-03-27&chain=arbitrum-one&{parameter}", Token), field);

    [Fact]
    public async Task OneETagPerContent_WhateverTheSpellingOfTheQuery()
    {
        var id = await SurfaceIdAsync();
        async Task<(string ETag, string Body)> GetAsync(string path)
        {
            var response = await api.Client().GetAsync(path, Token);
            var body = await response.Content.ReadAsStringAsync(Token);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {body}");
            return (response.Headers.ETag!.Tag, body);
        }

        var baseline = await GetAsync($"/api/v1/chains/ETH?expiry=2026-03-27&chain=arbitrum-one&surfaceId={id}");
        foreach (var spelling in new[]
        {
            $"/api/v1/chains/eth?surfaceId={id}&chain=Arbitrum-One&expiry=2026-03-27T08:00:00Z",
            $"/api/v1/chains/Eth?expiry=2026-03-27T08:00:00.000%2B00:00&surfaceId={id}&chain=ARBITRUM-ONE&contracts=1&takerFeeRate=0&rehedgeIntervalHours=1&premiumCurrency=USD",
            $"/api/v1/chains/ETH?premiumCurrency=usd&rehedgeIntervalHours=1.0&takerFeeRate=-0&contracts=1e0&chain=arbitrum-one&expiry=2026-03-27&surfaceId={id}",
        })
        {
            var other = await GetAsync(spelling);
            Assert.Equal(baseline.ETag, other.ETag);
            Assert.Equal(baseline.Body, other.Body);
        }

        // Without a chain the trade terms are not used: given or not, one content.
        var plain = await GetAsync($"/api/v1/chains/ETH?expiry=2026-03-27&surfaceId={id}");
        Assert.Equal(plain.ETag, (await GetAsync($"/api/v1/chains/eth?contracts=5&expiry=2026-03-27&takerFeeRate=0.001&surfaceId={id}&chain=")).ETag);

        // Another content is another ETag.
        var distinct = new[]
        {
            baseline.ETag, plain.ETag,
            (await GetAsync($"/api/v1/chains/ETH?expiry=2026-03-27&chain=arbitrum-one&surfaceId={id}&contracts=2")).ETag,
            (await GetAsync($"/api/v1/chains/ETH?expiry=2026-03-27&chain=arbitrum-one&surfaceId={id}&takerFeeRate=0.0005")).ETag,
            (await GetAsync($"/api/v1/chains/ETH?expiry=2026-03-27&chain=arbitrum-one&surfaceId={id}&rehedgeIntervalHours=2")).ETag,
            (await GetAsync($"/api/v1/chains/ETH?expiry=2026-03-27&chain=arbitrum-one&surfaceId={id}&premiumCurrency=underlying")).ETag,
            (await GetAsync($"/api/v1/chains/ETH?expiry=2026-03-27&chain=base&surfaceId={id}")).ETag,
        };
        Assert.Equal(distinct.Length, distinct.Distinct().Count());
    }
}

/// <summary><see cref="OptionChainTests"/> on SQLite.</summary>
public sealed class OptionChainSqliteTests(SqliteApi api) : OptionChainTests(api), IClassFixture<SqliteApi>;

/// <summary><see cref="OptionChainTests"/> on PostgreSQL (fails when the server is missing under CI=true).</summary>
public sealed class OptionChainPostgresTests : OptionChainTests, IClassFixture<PostgresApi>
{
    public OptionChainPostgresTests(PostgresApi api) : base(api) => api.RequireAvailable();
}
