using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Analytics.Api.Tests.Endpoints.Surfaces;
using Analytics.Api.Tests.Infrastructure;

namespace Analytics.Api.Tests.Endpoints.Structures;

/// <summary>
/// POST /structures/price (issue 14 item 4) with <c>volSource: surface</c> and expiries through HTTP, each leg's vol equal to
/// GET /surfaces/{id}/vol at its strike and its tenor from the valuation time; and the L2 quote never crossing over seeded
/// random requests (templates and custom legs, mixed expiries and tenors, both quantity signs, with and without <c>l2</c>).
/// </summary>
public sealed class StructureSurfaceAndQuoteTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<JsonElement> PriceAsync(object body)
    {
        var response = await api.Client().PostAsJsonAsync("/api/v1/structures/price", body, Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{JsonSerializer.Serialize(body)} → {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task CalendarFromTheSurface_ByExpiries_EachLegAtItsStrikeAndTenorFromTheValuationTime()
    {
        var underlying = SurfaceTestData.NewUnderlying();
        var surface = await SurfaceTestData.FitAsync(api, new { underlying, asOf = SurfaceTestData.AsOf, quotes = SurfaceTestData.SyntheticQuotes() });
        var id = surface.GetProperty("id").GetInt64();
        var valuation = SurfaceTestData.AsOf.AddDays(1);
        var (near, far) = (SurfaceTestData.Expiries[0], SurfaceTestData.Expiries[1]);

        var priced = await PriceAsync(new
        {
            template = "calendar", type = "call", strikes = new[] { 3300.0 }, spot = SurfaceTestData.Forward, rate = 0.0,
            expiry = near, farExpiry = far, valuationTime = valuation, volSource = "surface", underlying, l2 = new { chain = "arbitrum-one" },
        });

        Assert.Equal("calendar", priced.GetProperty("name").GetString());
        Assert.Equal(id, priced.GetProperty("surfaceId").GetInt64());
        Assert.Equal("svi", priced.GetProperty("surfaceModel").GetString());
        Assert.Equal(SurfaceTestData.AsOf, priced.GetProperty("surfaceAsOf").GetDateTimeOffset());
        Assert.Equal(valuation, priced.GetProperty("valuationTime").GetDateTimeOffset());
        var legs = priced.GetProperty("legs");
        var vols = new List<double>();
        foreach (var (leg, expiry) in new[] { (legs[0], near), (legs[1], far) })
        {
            var tenor = (expiry - valuation).TotalSeconds / (365 * 86400.0); // Act/365F from the valuation time
            Assert.Equal(tenor, leg.GetProperty("tenorYears").GetDouble(), 1e-15);
            Assert.Equal(expiry, leg.GetProperty("expiry").GetDateTimeOffset());
            var vol = await SurfaceTestData.GetJsonAsync(api, FormattableString.Invariant($"/api/v1/surfaces/{id}/vol?strike=3300&tenorYears={tenor:R}"));
            Assert.Equal(vol.GetProperty("vol").GetDouble(), leg.GetProperty("vol").GetDouble(), 14);
            vols.Add(vol.GetProperty("vol").GetDouble());
        }

        // The same calendar with the vols given leg by leg prices the same.
        var given = await PriceAsync(new
        {
            spot = SurfaceTestData.Forward, rate = 0.0, valuationTime = valuation, l2 = new { chain = "arbitrum-one" },
            legs = new object[]
            {
                new { type = "call", strike = 3300.0, expiry = near, quantity = -1, vol = vols[0] },
                new { type = "call", strike = 3300.0, expiry = far, quantity = 1, vol = vols[1] },
            },
        });
        Assert.Equal(given.GetProperty("premium").GetDouble(), priced.GetProperty("premium").GetDouble(), 12);
        var l2 = priced.GetProperty("l2");
        Assert.True(l2.GetProperty("bid").GetDouble() <= priced.GetProperty("premium").GetDouble());
        Assert.True(priced.GetProperty("premium").GetDouble() <= l2.GetProperty("ask").GetDouble());
        Assert.False(l2.GetProperty("crossed").GetBoolean());
    }

    [Fact]
    public async Task RandomStructures_OverHttp_BidAtMostPremiumAtMostAsk()
    {
        var random = new Random(20261214);
        string[] templates = ["call-spread", "put-spread", "butterfly", "iron-butterfly", "condor", "iron-condor", "straddle", "strangle", "risk-reversal", "collar", "calendar", "diagonal"];
        string[] chains = ["ethereum", "arbitrum-one", "base", "starknet"];
        var valuation = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        string Expiry(int days) => valuation.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture); // 08:00 UTC that day
        int withL2 = 0;
        for (var draw = 0; draw < 60; draw++)
        {
            var body = new JsonObject { ["spot"] = 3000, ["rate"] = 0.04, ["vol"] = 0.2 + random.NextDouble() };
            body["quantity"] = (random.Next(2) == 0 ? -1 : 1) * (0.5 + random.Next(10));
            if (draw % 2 == 0)
            {
                var template = templates[random.Next(templates.Length)];
                var count = template switch { "straddle" or "calendar" => 1, "butterfly" or "iron-butterfly" => 3, "condor" or "iron-condor" => 4, _ => 2 };
                body["template"] = template;
                body["type"] = random.Next(2) == 0 ? "call" : "put";
                body["strikes"] = new JsonArray([.. Enumerable.Range(0, count).Select(i => (JsonNode)(2400 + 200 * i + random.Next(100)))]);
                var nearDays = 1 + random.Next(120);
                if (random.Next(2) == 0) body["expiry"] = Expiry(nearDays);
                else body["tenorYears"] = nearDays / 365.0;
                if (template is "calendar" or "diagonal") body["farExpiry"] = Expiry(nearDays + 7 + random.Next(300));
            }
            else
            {
                var legs = new JsonArray();
                for (var i = random.Next(1, 6); i > 0; i--)
                {
                    var leg = new JsonObject
                    {
                        ["type"] = random.Next(2) == 0 ? "call" : "put", ["strike"] = 2000 + random.Next(2000),
                        ["quantity"] = (random.Next(2) == 0 ? -1 : 1) * (1 + random.Next(3)),
                    };
                    if (random.Next(2) == 0) leg["expiry"] = Expiry(1 + random.Next(400));
                    else leg["tenorYears"] = 0.01 + random.NextDouble();
                    legs.Add(leg);
                }
                body["legs"] = legs;
            }
            if (body.ToJsonString().Contains("xpiry", StringComparison.Ordinal)) body["valuationTime"] = valuation.ToString("O");
            if (random.Next(4) != 0)
            {
                withL2++;
                body["l2"] = new JsonObject
                {
                    ["chain"] = chains[random.Next(chains.Length)], ["takerFeeRate"] = random.Next(3) * 0.002, ["rehedgeIntervalHours"] = 1 + random.Next(24),
                };
            }

            var priced = await PriceAsync(body);

            var premium = priced.GetProperty("premium").GetDouble();
            if (body["l2"] is null)
            {
                Assert.Equal(JsonValueKind.Null, priced.GetProperty("l2").ValueKind);
                continue;
            }
            var l2 = priced.GetProperty("l2");
            var (bid, ask) = (l2.GetProperty("bid").GetDouble(), l2.GetProperty("ask").GetDouble());
            Assert.True(bid <= premium && premium <= ask, $"draw {draw}: {body.ToJsonString()} → bid {bid:R}, premium {premium:R}, ask {ask:R}");
            Assert.Equal(premium, l2.GetProperty("mid").GetDouble());
            Assert.False(l2.GetProperty("crossed").GetBoolean());
        }
        Assert.True(withL2 > 30);
    }
}
