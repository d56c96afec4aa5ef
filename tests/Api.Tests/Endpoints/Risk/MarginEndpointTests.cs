using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Analytics.Api.Tests.Endpoints.Surfaces;
using Analytics.Api.Tests.Infrastructure;
using MathNet.Numerics.Distributions;

namespace Analytics.Api.Tests.Endpoints.Risk;

/// <summary>
/// <c>POST /api/v1/risk/margin</c>, <c>/margin/compare</c>, <c>/margin/backtest</c> and <c>GET /margin/models</c> on both
/// databases: a perpetual book's margin, add-on and liquidation price against their closed forms (equity C + Q(S − E) =
/// MMF·Q·S + Q·S·z·σ_τ for a delta-one book), the add-on's √τ ratio between chains, scenario margin's homogeneity in size,
/// the backtest's breaches counted by hand from the seeded closes, and problem details for bad input.
/// </summary>
public abstract class MarginEndpointTests(ApiFixture api)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset AsOf = SurfaceTestData.AsOf.AddHours(1);
    private const int Days = 120;

    /// <summary>Daily closes of a fresh underlying ending the day before <see cref="AsOf"/> (seeded walk, 3 % a day, one −12 % day), and its surface when asked.</summary>
    private async Task<(string Underlying, double[] Closes)> SeedAsync(bool withSurface, string? name = null)
    {
        var underlying = name ?? SurfaceTestData.NewUnderlying();
        var random = new Random(11);
        var closes = new double[Days];
        closes[^1] = SurfaceTestData.Forward;
        for (int d = Days - 2; d >= 0; d--) closes[d] = closes[d + 1] * Math.Exp(0.03 * (random.NextDouble() - 0.5) * 3.46);
        closes[60] = closes[59] * 0.88;
        var body = new StringBuilder("[");
        for (int d = 0; d < Days; d++)
        {
            var at = AsOf.UtcDateTime.Date.AddDays(d - Days).AddHours(23);
            body.Append(CultureInfo.InvariantCulture, $$"""{"underlying":"{{underlying}}","source":"test","timestamp":"{{at:yyyy-MM-ddTHH:mm:ssZ}}","price":{{closes[d]:R}}}""");
            body.Append(d < Days - 1 ? "," : "]");
        }

        var posted = await api.Client(TestKeys.Writer).PostAsync("/api/v1/prices", new StringContent(body.ToString(), Encoding.UTF8, "application/json"), Token);
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync(Token));
        if (withSurface) await SurfaceTestData.FitAsync(api, new { underlying, asOf = SurfaceTestData.AsOf, quotes = SurfaceTestData.SyntheticQuotes() });
        return (underlying, closes);
    }

    private async Task<JsonElement> PostAsync(string path, object body)
    {
        var response = await api.Client().PostAsJsonAsync(path, body, Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static object Perp(string underlying, double quantity, double entry) => new { kind = "perp", underlying, quantity, entryPrice = entry };

    [Fact]
    public async Task PerpBook_MarginAddOnAndLiquidationPrice_MatchTheClosedForms()
    {
        var (underlying, closes) = await SeedAsync(withSurface: false);
        const double q = 10, entry = 2_950, cash = 5_000;
        var result = await PostAsync("/api/v1/risk/margin", new
        {
            positions = new[] { Perp(underlying, q, entry) }, collateral = new[] { new { asset = "USDC", amount = cash } },
            asOf = AsOf, model = "aevo-standard", chain = "arbitrum-one",
        });

        double spot = closes[^1];
        Assert.Equal(0.03 * q * spot, result.GetProperty("modelMaintenanceMargin").GetDouble(), 1e-6);
        Assert.Equal(0.05 * q * spot, result.GetProperty("modelInitialMargin").GetDouble(), 1e-6);
        var addOn = result.GetProperty("addOns").GetProperty("liquidationLatency");
        var chain = result.GetProperty("chain");
        double tau = chain.GetProperty("horizonSeconds").GetDouble();
        Assert.Equal(2 + 0.25 + 1, tau, 12); // Arbitrum's 2 s latency + 0.25 s blocks + the 1 s heartbeat (appsettings.json)
        var per = addOn.GetProperty("perUnderlying").GetProperty(underlying);
        double windowVol = per.GetProperty("dailyVol").GetDouble() * Math.Sqrt(tau / 86_400);
        double band = Normal.InvCDF(0, 1, 0.99) * windowVol;
        Assert.Equal(q * spot * band, addOn.GetProperty("usd").GetDouble(), 1e-6 * q * spot * band); // |D|·z·σ_τ, D = Q·S
        Assert.Equal(0.03 * q * spot + q * spot * band, result.GetProperty("maintenanceMargin").GetDouble(), 1e-6);
        double equity = cash + q * (spot - entry);
        Assert.Equal(equity, result.GetProperty("equity").GetDouble(), 1e-6);
        Assert.Equal((0.03 * q * spot + q * spot * band) / equity, result.GetProperty("marginUtilisation").GetDouble(), 1e-9);

        double liquidation = (q * entry - cash) / (q * (1 - 0.03 - band)); // C + Q(S − E) = (0.03 + z·σ_τ)·Q·S
        var prices = result.GetProperty("liquidationPrices").GetProperty(underlying);
        Assert.Equal(liquidation, prices.GetProperty("down").GetDouble(), 1e-6 * liquidation);
        Assert.Equal(JsonValueKind.Null, prices.GetProperty("up").ValueKind);
        var distance = result.GetProperty("distanceToLiquidation").GetProperty(underlying);
        Assert.Equal(100 * (liquidation / spot - 1), distance.GetProperty("percentOfSpot").GetDouble(), 1e-4); // percent
        Assert.Equal(Math.Abs(Math.Log(liquidation / spot)) / windowVol, distance.GetProperty("latencyWindowSigmas").GetDouble(), 1e-6 * Math.Abs(Math.Log(liquidation / spot)) / windowVol);
    }

    [Fact]
    public async Task Compare_OneRowPerModelAndChain_AddOnScalesWithTheRootOfTheWindow()
    {
        var (underlying, _) = await SeedAsync(withSurface: false);
        var result = await PostAsync("/api/v1/risk/margin/compare", new
        {
            positions = new[] { Perp(underlying, -4, 3_000) }, collateral = new[] { new { asset = "USDC", amount = 20_000 } },
            asOf = AsOf, models = new[] { "aevo-standard", "derive-standard", "deribit-standard" }, chains = new[] { "ethereum", "arbitrum-one" },
        });

        var rows = result.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(6, rows.Count);
        var deribit = rows.Where(r => r.GetProperty("model").GetProperty("id").GetString() == "deribit-standard").ToList();
        Assert.All(deribit, r => Assert.Contains("no rule", r.GetProperty("unsupported").GetString())); // Deribit lists BTC and ETH only
        Assert.Equal(1.0, rows.Where(r => r.GetProperty("ratioToMostLenient").ValueKind == JsonValueKind.Number).Min(r => r.GetProperty("ratioToMostLenient").GetDouble()), 12);
        double Addon(string model, string chain) => rows.Single(r => r.GetProperty("model").GetProperty("id").GetString() == model && r.GetProperty("chain").GetString() == chain)
            .GetProperty("liquidationLatencyAddOn").GetDouble();
        double ratio = Addon("aevo-standard", "ethereum") / Addon("aevo-standard", "arbitrum-one");
        Assert.Equal(Math.Sqrt((36 + 12 + 1) / (2 + 0.25 + 1.0)), ratio, 1e-9); // delta-one book: add-on ∝ √τ
        Assert.True(Addon("derive-standard", "ethereum") > Addon("derive-standard", "arbitrum-one"));
    }

    [Fact]
    public async Task PortfolioModel_OnOptions_ReportsTheWorstScenario_AndIsHomogeneousInSize()
    {
        var (underlying, _) = await SeedAsync(withSurface: true);
        object[] Positions(double k) =>
            [
                new { kind = "option", underlying, type = "call", style = "european", strike = 3300, expiry = "2026-02-04", quantity = -10 * k, chain = "zksync-era", premium = 90 },
                new { kind = "option", underlying, type = "call", style = "european", strike = 3600, expiry = "2026-02-04", quantity = 10 * k, chain = "zksync-era", premium = 30 },
                Perp(underlying, 1.5 * k, 3_000),
            ];
        object Book(double k) => new
        {
            positions = Positions(k),
            collateral = new[] { new { asset = "USDC", amount = 50_000 * k } },
            asOf = AsOf, model = "deribit-portfolio", chain = "zksync-era",
        };

        var one = await PostAsync("/api/v1/risk/margin", Book(1));
        var two = await PostAsync("/api/v1/risk/margin", Book(2));
        var worst = one.GetProperty("worstScenario");
        Assert.Equal(one.GetProperty("modelMaintenanceMargin").GetDouble(), worst.GetProperty("loss").GetDouble(), 1e-9);
        Assert.True(worst.GetProperty("moves").TryGetProperty(underlying, out _));
        Assert.Equal(2 * one.GetProperty("modelMaintenanceMargin").GetDouble(), two.GetProperty("modelMaintenanceMargin").GetDouble(), 1e-6);
        Assert.Equal(1.2 * one.GetProperty("modelMaintenanceMargin").GetDouble(), one.GetProperty("modelInitialMargin").GetDouble(), 1e-6);
        Assert.Equal(3, one.GetProperty("positions").GetArrayLength());
        Assert.Equal("perp", one.GetProperty("positions")[2].GetProperty("kind").GetString());

        var standard = await PostAsync("/api/v1/risk/margin/compare", new
        {
            positions = Positions(1), collateral = new[] { new { asset = "USDC", amount = 50_000 } }, asOf = AsOf,
            models = new[] { "deribit-portfolio", "aevo-standard" }, chains = new[] { "zksync-era" },
        });
        var rows = standard.GetProperty("rows").EnumerateArray().ToList();
        Assert.True(rows[0].GetProperty("modelMaintenanceMargin").GetDouble() <= rows[1].GetProperty("modelMaintenanceMargin").GetDouble()); // hedged: portfolio ≤ standard
    }

    [Fact]
    public async Task Backtest_CountsTheWindowsWhoseLossExceedsTheMarginHeld()
    {
        var (underlying, closes) = await SeedAsync(withSurface: false);
        const double q = 20;
        var result = await PostAsync("/api/v1/risk/margin/backtest", new
        {
            positions = new[] { Perp(underlying, q, closes[^1]) }, collateral = new[] { new { asset = "USDC", amount = 100_000 } },
            asOf = AsOf, models = new[] { "aevo-standard" }, chains = new[] { "ethereum" }, from = AsOf.UtcDateTime.Date.AddDays(-Days).ToString("yyyy-MM-dd"),
        });

        var row = result.GetProperty("rows")[0];
        double held = row.GetProperty("marginHeld").GetDouble();
        double stretch = Math.Sqrt((86_400 + 36 + 12 + 1) / 86_400.0);
        Assert.Equal(stretch, row.GetProperty("returnStretch").GetDouble(), 12);
        double spot = closes[^1];
        int breaches = 0;
        double worst = double.NegativeInfinity;
        for (int t = 1; t < Days; t++)
        {
            double loss = q * spot * (1 - Math.Exp(Math.Log(closes[t] / closes[t - 1]) * stretch)); // a long perp loses Q·S·(1 − e^{r·stretch})
            if (loss > held) breaches++;
            worst = Math.Max(worst, loss - held);
        }

        Assert.Equal(Days - 1, row.GetProperty("windows").GetInt32());
        Assert.True(breaches >= 1, "the −12 % day breaches a 3 % margin");
        Assert.Equal(breaches, row.GetProperty("breaches").GetInt32());
        Assert.Equal(worst, row.GetProperty("worstShortfall").GetDouble(), 1e-6);
        Assert.Equal((double)breaches / (Days - 1), row.GetProperty("breachFrequency").GetDouble(), 12);
    }

    [Fact]
    public async Task ExpiredOption_IsWorthItsIntrinsicValue_WithoutASurface()
    {
        // An underlying with prices but no surface: an option that expired before asOf needs none (valued at intrinsic in
        // every scenario); margin used to look its surface up and fail.
        var (underlying, closes) = await SeedAsync(withSurface: false);
        double spot = closes[^1], strike = Math.Round(0.9 * spot);
        const double q = 3;
        var expired = new
        {
            kind = "option", underlying, type = "call", style = "european", strike, expiry = AsOf.AddDays(-2).ToString("yyyy-MM-dd"),
            quantity = q, chain = "arbitrum-one",
        };
        var result = await PostAsync("/api/v1/risk/margin", new
        {
            positions = new object[] { expired, Perp(underlying, -1, spot) }, collateral = new[] { new { asset = "USDC", amount = 10_000 } },
            asOf = AsOf, model = "deribit-portfolio", chain = "arbitrum-one",
        });

        Assert.Equal(q * (spot - strike), result.GetProperty("positions")[0].GetProperty("value").GetDouble(), 1e-6);
        Assert.False(result.GetProperty("inputs").GetProperty("surfaceIds").TryGetProperty(underlying, out _));
    }

    [Fact]
    public async Task Backtest_StandardShortStrangle_IsStruckAtTheSurfacesDeltas_AndScoredAsTheSameBookInline()
    {
        var (underlying, closes) = await SeedAsync(withSurface: true);
        Dictionary<string, object?> Request(string bookKey, object book) => new()
        {
            ["asOf"] = AsOf, ["models"] = new[] { "aevo-standard", "deribit-portfolio" }, ["chains"] = new[] { "arbitrum-one" },
            ["from"] = AsOf.UtcDateTime.Date.AddDays(-Days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["windowDays"] = 1, [bookKey] = book,
        };
        var standard = await PostAsync("/api/v1/risk/margin/backtest",
            Request("standardBook", new { kind = "short-strangle", underlying = underlying.ToLowerInvariant(), tenorDays = 30 }));

        var book = standard.GetProperty("standardBook");
        Assert.Equal(closes[^1], book.GetProperty("spotUsd").GetDouble(), 1e-9);
        var legs = book.GetProperty("positions").EnumerateArray().ToList();
        Assert.Equal(["call", "put"], legs.Select(l => l.GetProperty("type").GetString()));
        Assert.All(legs, l => Assert.Equal(-1, l.GetProperty("quantity").GetDouble()));
        // Each strike's forward delta at the surface's own vol there is ±0.25 (r = b = 0, forward = spot; Black's N(d₁)).
        long surfaceId = standard.GetProperty("inputs").GetProperty("surfaceIds").GetProperty(underlying).GetInt64();
        double tenor = 30 / 365.0;
        foreach (var (leg, target) in legs.Zip(new[] { 0.25, -0.25 }))
        {
            double strike = leg.GetProperty("strike").GetDouble();
            var vol = await SurfaceTestData.GetJsonAsync(api, string.Create(CultureInfo.InvariantCulture,
                $"/api/v1/surfaces/{surfaceId}/vol?strike={strike:R}&tenorYears={tenor:R}")); // risk reads vols at the tenor from asOf
            double sigma = vol.GetProperty("vol").GetDouble();
            double d1 = (Math.Log(closes[^1] / strike) + 0.5 * sigma * sigma * tenor) / (sigma * Math.Sqrt(tenor));
            Assert.Equal(target, Normal.CDF(0, 1, d1) - (target < 0 ? 1 : 0), 1e-6);
        }

        // The same positions sent inline are scored identically.
        var inline = await PostAsync("/api/v1/risk/margin/backtest",
            Request("positions", book.GetProperty("positions")));
        foreach (var (a, b) in standard.GetProperty("rows").EnumerateArray().Zip(inline.GetProperty("rows").EnumerateArray()))
        {
            Assert.True(a.GetProperty("marginHeld").ValueKind == JsonValueKind.Number, a.ToString());
            Assert.Equal(a.GetProperty("marginHeld").GetDouble(), b.GetProperty("marginHeld").GetDouble(), 1e-9);
            Assert.Equal(a.GetProperty("breaches").GetInt32(), b.GetProperty("breaches").GetInt32());
            Assert.True(a.GetProperty("windows").GetInt32() > 100);
        }
        Assert.Equal(JsonValueKind.Null, inline.GetProperty("standardBook").ValueKind);
    }

    [Fact]
    public async Task Backtest_StandardBooks_PerpAndCoveredCall_AndBadOnes()
    {
        var (underlying, closes) = await SeedAsync(withSurface: true);
        var perp = await PostAsync("/api/v1/risk/margin/backtest", new
        {
            asOf = AsOf, models = new[] { "aevo-standard" }, chains = new[] { "ethereum" }, standardBook = new { kind = "short-perp", underlying, quantity = 2 },
        });
        var leg = Assert.Single(perp.GetProperty("standardBook").GetProperty("positions").EnumerateArray());
        Assert.Equal(("perp", -2.0, closes[^1]), (leg.GetProperty("kind").GetString(), leg.GetProperty("quantity").GetDouble(), leg.GetProperty("entryPrice").GetDouble()));

        var covered = await PostAsync("/api/v1/risk/margin/backtest", new
        {
            asOf = AsOf, models = new[] { "deribit-portfolio" }, chains = new[] { "ethereum" }, standardBook = new { kind = "covered-call", underlying, delta = 0.1 },
        });
        var legs = covered.GetProperty("standardBook").GetProperty("positions").EnumerateArray().ToList();
        Assert.Equal(("spot", 1.0), (legs[0].GetProperty("kind").GetString(), legs[0].GetProperty("quantity").GetDouble()));
        Assert.True(legs[1].GetProperty("strike").GetDouble() > closes[^1] * 1.05, "a 10-delta call is well out of the money");

        var client = api.Client();
        await ProblemAssert.HasFieldErrorAsync(await client.PostAsJsonAsync("/api/v1/risk/margin/backtest",
            new { asOf = AsOf, standardBook = new { kind = "long-straddle", underlying } }, Token), "standardBook.kind");
        await ProblemAssert.HasFieldErrorAsync(await client.PostAsJsonAsync("/api/v1/risk/margin/backtest",
            new { asOf = AsOf, portfolioId = 1, standardBook = new { kind = "short-perp", underlying } }, Token), "standardBook");
        await ProblemAssert.HasFieldErrorAsync(await client.PostAsJsonAsync("/api/v1/risk/margin/backtest",
            new { asOf = AsOf, standardBook = new { kind = "short-strangle", underlying, delta = 0.7 } }, Token), "standardBook.delta");
        // No surface for an option book: a 422 naming what is missing.
        var (bare, _) = await SeedAsync(withSurface: false);
        await ProblemAssert.IsProblemAsync(await client.PostAsJsonAsync("/api/v1/risk/margin/backtest",
            new { asOf = AsOf, standardBook = new { kind = "short-strangle", underlying = bare } }, Token), HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Models_ListEveryConfiguredModelWithItsSources()
    {
        var models = JsonDocument.Parse(await api.Client().GetStringAsync("/api/v1/risk/margin/models", Token)).RootElement.EnumerateArray().ToList();
        var ids = models.Select(m => m.GetProperty("id").GetString()).ToHashSet();
        foreach (var id in new[] { "deribit-standard", "derive-standard", "aevo-standard", "dydx-v4", "deribit-portfolio", "aevo-portfolio", "derive-portfolio" }) Assert.Contains(id, ids);
        Assert.All(models, m => Assert.Contains("https://", m.GetProperty("source").GetString()));
        var deribit = models.Single(m => m.GetProperty("id").GetString() == "deribit-standard");
        Assert.Equal(0.15, deribit.GetProperty("underlyings").GetProperty("BTC").GetProperty("options").GetProperty("initialMaxSpotFraction").GetDouble());
        // derive-portfolio's terms as configured from the chain's parameters (v2-scripts data/mainnet/ETH_PM2Params.json, 2025-12-08).
        var derive = models.Single(m => m.GetProperty("id").GetString() == "derive-portfolio");
        Assert.Equal(0.8, derive.GetProperty("maintenanceLossFactor").GetDouble());
        Assert.Equal(0.4, derive.GetProperty("volShocks")[0].GetProperty("minimumVol").GetDouble());
        Assert.Equal(0.13, derive.GetProperty("volShocks")[0].GetProperty("longTenorPower").GetDouble());
        Assert.Equal(derive.GetProperty("extendedMoves").GetArrayLength(), derive.GetProperty("extendedLossFractions").GetArrayLength());
        Assert.Equal(2, derive.GetProperty("skewShocks").GetArrayLength());
        Assert.Equal(1.02, derive.GetProperty("staticDiscount").GetProperty("longBase").GetDouble());
        Assert.Equal(0.106, derive.GetProperty("contingencies").GetProperty("BTC").GetProperty("coinMaintenanceFraction").GetDouble());
    }

    [Fact]
    public async Task DerivePortfolio_PerpBook_MatchesTheClosedForm_AndCompareListsIt()
    {
        // Derive's BTC and ETH managers only: this class's one ETH history (the other tests use fresh underlyings).
        var (underlying, closes) = await SeedAsync(withSurface: false, name: "ETH");
        const double q = 10, entry = 2_950, cash = 5_000;
        var result = await PostAsync("/api/v1/risk/margin", new
        {
            positions = new[] { Perp(underlying, q, entry) }, collateral = new[] { new { asset = "USDC", amount = cash } },
            asOf = AsOf, model = "derive-portfolio", chain = "arbitrum-one",
        });

        // Worst: −18 % under vol up (dampening 1; every tail loses 0.1386 of notional); MM = 0.8 × loss + 3 % perp contingency,
        // IM = 1.0 × loss + 3 % + 1 % (v2-scripts data/mainnet/ETH_PM2Params.json, as configured).
        double spot = closes[^1], notional = q * spot;
        Assert.Equal((0.8 * 0.18 + 0.03) * notional, result.GetProperty("modelMaintenanceMargin").GetDouble(), 1e-6);
        Assert.Equal((0.18 + 0.03 + 0.01) * notional, result.GetProperty("modelInitialMargin").GetDouble(), 1e-6);
        var worst = result.GetProperty("worstScenario");
        Assert.Equal(0.18 * notional, worst.GetProperty("loss").GetDouble(), 1e-6);
        var move = worst.GetProperty("moves").GetProperty(underlying);
        Assert.Equal(-0.18, move.GetProperty("spot").GetDouble(), 12);
        Assert.Equal("up", move.GetProperty("volShock").GetString());
        var contingency = result.GetProperty("addOns").GetProperty("contingency");
        Assert.Equal(0.03 * notional, contingency.GetProperty("maintenance").GetDouble(), 1e-6);
        Assert.Equal(0.01 * notional, contingency.GetProperty("perUnderlying").GetProperty(underlying).GetProperty("initialExtra").GetDouble(), 1e-6);

        // C + Q(S − E) = (0.174 + z·σ_τ)·Q·S: every term is linear in S for a perp book.
        double tau = result.GetProperty("chain").GetProperty("horizonSeconds").GetDouble();
        double band = Normal.InvCDF(0, 1, 0.99) * result.GetProperty("addOns").GetProperty("liquidationLatency").GetProperty("perUnderlying")
            .GetProperty(underlying).GetProperty("dailyVol").GetDouble() * Math.Sqrt(tau / 86_400);
        double liquidation = (q * entry - cash) / (q * (1 - 0.174 - band));
        Assert.Equal(liquidation, result.GetProperty("liquidationPrices").GetProperty(underlying).GetProperty("down").GetDouble(), 1e-6 * liquidation);

        var compare = await PostAsync("/api/v1/risk/margin/compare", new
        {
            positions = new[] { Perp(underlying, q, entry) }, collateral = new[] { new { asset = "USDC", amount = cash } }, asOf = AsOf, chains = new[] { "arbitrum-one" },
        });
        var rows = compare.GetProperty("rows").EnumerateArray().ToList();
        var models = JsonDocument.Parse(await api.Client().GetStringAsync("/api/v1/risk/margin/models", Token)).RootElement.GetArrayLength();
        Assert.Equal(models, rows.Count); // every configured model, one chain
        var derive = rows.Single(r => r.GetProperty("model").GetProperty("id").GetString() == "derive-portfolio");
        Assert.Equal(result.GetProperty("modelMaintenanceMargin").GetDouble(), derive.GetProperty("modelMaintenanceMargin").GetDouble(), 1e-6);

        var (other, _) = await SeedAsync(withSurface: false);
        var elsewhere = await PostAsync("/api/v1/risk/margin/compare", new
        {
            positions = new[] { Perp(other, q, entry) }, asOf = AsOf, models = new[] { "derive-portfolio" }, chains = new[] { "arbitrum-one" },
        });
        Assert.Contains($"no rule for: {other} positions", elsewhere.GetProperty("rows")[0].GetProperty("unsupported").GetString());
    }

    [Fact]
    public async Task BadRequests_AreProblemsNamingTheField()
    {
        var (underlying, _) = await SeedAsync(withSurface: false);
        object Body(string? model, string? chain = null, double? latency = null) => new
        {
            positions = new[] { Perp(underlying, 1, 3_000) }, asOf = AsOf, model, chain, liquidationLatencySeconds = latency,
        };

        var client = api.Client();
        await ProblemAssert.HasFieldErrorAsync(await client.PostAsJsonAsync("/api/v1/risk/margin", Body(null), Token), "model");
        await ProblemAssert.HasFieldErrorAsync(await client.PostAsJsonAsync("/api/v1/risk/margin", Body("nasdaq"), Token), "model");
        await ProblemAssert.HasFieldErrorAsync(await client.PostAsJsonAsync("/api/v1/risk/margin", Body("aevo-standard", "solana"), Token), "chain");
        await ProblemAssert.HasFieldErrorAsync(await client.PostAsJsonAsync("/api/v1/risk/margin", Body("aevo-standard", null, -1), Token), "liquidationLatencySeconds");
        await ProblemAssert.IsProblemAsync(await client.PostAsJsonAsync("/api/v1/risk/margin", new { portfolioId = 987_654_321, model = "aevo-standard" }, Token), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await client.PostAsJsonAsync("/api/v1/risk/margin", Body("dydx-v4"), Token), HttpStatusCode.UnprocessableEntity); // no rule for it
        var fresh = SurfaceTestData.NewUnderlying(); // no price at all
        await ProblemAssert.IsProblemAsync(await client.PostAsJsonAsync("/api/v1/risk/margin",
            new { positions = new[] { Perp(fresh, 1, 3_000) }, asOf = AsOf, model = "aevo-standard" }, Token), HttpStatusCode.UnprocessableEntity);
        await ProblemAssert.HasFieldErrorAsync(await client.PostAsJsonAsync("/api/v1/risk/margin/compare",
            new { positions = new[] { Perp(underlying, 1, 3_000) }, models = Array.Empty<string>() }, Token), "models");
        await ProblemAssert.HasFieldErrorAsync(await client.PostAsJsonAsync("/api/v1/risk/margin/compare",
            new { positions = new[] { Perp(underlying, 1, 3_000) }, chains = new[] { "moon" } }, Token), "chains[0]");
        await ProblemAssert.HasFieldErrorAsync(await client.PostAsJsonAsync("/api/v1/risk/margin/backtest",
            new { positions = new[] { Perp(underlying, 1, 3_000) }, windowDays = 0 }, Token), "windowDays");
        await ProblemAssert.HasFieldErrorAsync(await client.PostAsJsonAsync("/api/v1/risk/margin/backtest",
            new { positions = new[] { Perp(underlying, 1, 3_000) }, asOf = AsOf, from = "2030-01-01" }, Token), "from");
        foreach (var hostile in new[] { """{"model":"aevo-standard","positions":[],"liquidationLatencySeconds":1e400}""", """{"model":"aevo-standard","positions":[],"liquidationLatencySeconds":"NaN"}""" })
            await ProblemAssert.IsProblemAsync(await client.PostAsync("/api/v1/risk/margin", new StringContent(hostile, Encoding.UTF8, "application/json"), Token), HttpStatusCode.BadRequest);
    }
}

/// <summary>The margin endpoints on the embedded SQLite store.</summary>
public sealed class SqliteMarginEndpointTests(SqliteApi api) : MarginEndpointTests(api), IClassFixture<SqliteApi>;

/// <summary>The margin endpoints on PostgreSQL.</summary>
public sealed class PostgresMarginEndpointTests(PostgresApi api) : MarginEndpointTests(api), IClassFixture<PostgresApi>;
