using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Api.Tests.Infrastructure;

namespace Analytics.Api.Tests.Endpoints.Surfaces;

/// <summary>
/// No look-ahead (issue 13 items 2 and 6): whatever the valuation time t, the surface a price uses has an as-of at or
/// before t, is published, is of the default model, and is the newest such; and two boards fitted at their own instants
/// each price the options valued at their instant.
/// </summary>
public sealed class SurfaceLookAheadTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static readonly DateTimeOffset T0 = SurfaceTestData.AsOf;
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private sealed record Fitted(long Id, DateTimeOffset AsOf, string Model, bool Published);

    [Fact]
    public async Task Price_RandomValuationTimes_NeverASurfaceAfterTAndAlwaysTheNewestPublishedSviAtOrBeforeT()
    {
        var underlying = SurfaceTestData.NewUnderlying();
        var quotes = SurfaceTestData.SyntheticQuotes();
        // As-of (hours after T0), model, publish: fitted in this (not as-of) order; two published svi fits share an as-of.
        var plan = new (double Hours, string Model, bool Publish)[]
        {
            (300, "svi", true), (20, "svi", true), (150, "ssvi", true), (100, "svi", false), (20, "svi", true),
            (200, "svi", true), (250, "svi", false), (60, "ssvi", true), (400, "svi", true), (-30, "ssvi", true), (5, "svi", false),
        };
        var fitted = new List<Fitted>();
        foreach (var (hours, model, publish) in plan)
        {
            var body = await SurfaceTestData.FitAsync(api, new { underlying, asOf = T0.AddHours(hours), model, quotes, publish });
            fitted.Add(new Fitted(body.GetProperty("id").GetInt64(), T0.AddHours(hours), model, body.GetProperty("published").GetBoolean()));
        }
        Assert.Equal(plan.Select(p => p.Publish), fitted.Select(f => f.Published)); // the clean synthetic smile passes the gate

        // Valuation times from 2 days before the first surface to 2 days after the last, at random milliseconds, plus the
        // as-of instants themselves and a tick either side (seeded: a failure names a reproducible t).
        var random = new Random(20261201);
        var times = Enumerable.Range(0, 200).Select(_ => T0.AddHours(-80).AddMilliseconds(random.NextDouble() * TimeSpan.FromHours(530).TotalMilliseconds))
            .Concat(fitted.SelectMany(f => new[] { f.AsOf.AddTicks(-1), f.AsOf, f.AsOf.AddTicks(1) }))
            .ToList();
        var expiry = SurfaceTestData.Expiries[2];
        var items = times.Select(t => new
        {
            type = "put", forward = SurfaceTestData.Forward, strike = 2700, expiry, valuationTime = t, rate = 0.0, volSource = "surface", underlying,
        }).ToList();

        var response = await api.Client().PostAsJsonAsync("/api/v1/options/price/batch", new { options = items }, Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var results = JsonDocument.Parse(text).RootElement.GetProperty("results");

        var byId = fitted.ToDictionary(f => f.Id);
        for (var i = 0; i < times.Count; i++)
        {
            var t = times[i];
            var eligible = fitted.Where(f => f.Published && f.Model == "svi" && f.AsOf <= t).ToList();
            var slot = results[i];
            if (eligible.Count == 0)
            {
                Assert.True(slot.TryGetProperty("error", out var error), $"t = {t:O}: priced without an eligible surface: {slot}");
                Assert.Equal(422, error.GetProperty("status").GetInt32());
                continue;
            }
            var used = byId[slot.GetProperty("surfaceId").GetInt64()];
            Assert.True(used.AsOf <= t, $"t = {t:O}: surface {used.Id} is as of {used.AsOf:O}, after t");
            Assert.True(used.Published, $"t = {t:O}: surface {used.Id} is not published");
            Assert.Equal("svi", used.Model);
            Assert.Equal("svi", slot.GetProperty("surfaceModel").GetString());
            Assert.Equal(used.AsOf, slot.GetProperty("surfaceAsOf").GetDateTimeOffset());
            var newest = eligible.MaxBy(f => (f.AsOf, f.Id))!; // ties on as-of: the newest fit
            Assert.True(newest.Id == used.Id, $"t = {t:O}: used surface {used.Id} (as of {used.AsOf:O}), the newest eligible is {newest.Id} (as of {newest.AsOf:O})");
        }

        // The single endpoint agrees, on a sample.
        foreach (var i in Enumerable.Range(0, times.Count).Where(i => i % 25 == 0))
        {
            var single = await api.Client().PostAsJsonAsync("/api/v1/options/price", items[i], Token);
            var body = JsonDocument.Parse(await single.Content.ReadAsStringAsync(Token)).RootElement;
            if (results[i].TryGetProperty("error", out _)) Assert.Equal(HttpStatusCode.UnprocessableEntity, single.StatusCode);
            else Assert.Equal(results[i].GetProperty("surfaceId").GetInt64(), body.GetProperty("surfaceId").GetInt64());
        }
    }

    [Fact]
    public async Task Price_TwoBoardsFittedAtTheirInstants_EachOptionPricedOffItsOwnBoard()
    {
        await SurfaceSnapshotBoards.EnsureLoadedAsync(api);
        var surfaces = new List<(DateTimeOffset Board, long Id)>();
        foreach (var board in new[] { SurfaceSnapshotBoards.Newer, SurfaceSnapshotBoards.Older }) // the later board fitted first
        {
            var fit = await SurfaceTestData.FitAsync(api, new { underlying = "ETH", asOf = board });
            var id = fit.GetProperty("id").GetInt64();
            Assert.Equal(board, fit.GetProperty("asOf").GetDateTimeOffset());
            // Published at once when the fit passed its gate; published here either way (idempotent), so both are candidates.
            var published = await api.Client(TestKeys.Writer).PostAsync($"/api/v1/surfaces/{id}/publish", null, Token);
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
            surfaces.Add((board, id));
        }

        // An expiry both boards list, and a strike near the money.
        var older = await SurfaceTestData.GetJsonAsync(api, $"/api/v1/surfaces/{surfaces[1].Id}");
        var newer = await SurfaceTestData.GetJsonAsync(api, $"/api/v1/surfaces/{surfaces[0].Id}");
        var expiry = older.GetProperty("slices").EnumerateArray().Select(s => s.GetProperty("expiry").GetDateTimeOffset())
            .Intersect(newer.GetProperty("slices").EnumerateArray().Select(s => s.GetProperty("expiry").GetDateTimeOffset()))
            .Where(e => e > SurfaceSnapshotBoards.Newer.AddDays(20)).Min();
        var strike = Math.Round(older.GetProperty("slices")[0].GetProperty("forward").GetDouble() / 100) * 100;

        foreach (var (board, id) in surfaces)
        {
            var option = new { type = "call", spot = 3000, strike, expiry, valuationTime = board, rate = 0.0, volSource = "surface", underlying = "ETH" };
            var priced = JsonDocument.Parse(await (await api.Client().PostAsJsonAsync("/api/v1/options/price", option, Token)).Content.ReadAsStringAsync(Token)).RootElement;
            Assert.Equal(id, priced.GetProperty("surfaceId").GetInt64());
            Assert.Equal(board, priced.GetProperty("surfaceAsOf").GetDateTimeOffset());
            var tenor = (expiry - board).TotalDays / 365;
            var vol = await SurfaceTestData.GetJsonAsync(api, FormattableString.Invariant($"/api/v1/surfaces/{id}/vol?strike={strike:R}&tenorYears={tenor:R}"));
            Assert.Equal(vol.GetProperty("vol").GetDouble(), priced.GetProperty("vol").GetDouble(), 12);
        }
        // Between the boards the older one prices; before the older board there is none.
        var between = new { type = "call", spot = 3000, strike, expiry, valuationTime = SurfaceSnapshotBoards.Newer.AddTicks(-1), rate = 0.0, volSource = "surface", underlying = "ETH" };
        var betweenPriced = JsonDocument.Parse(await (await api.Client().PostAsJsonAsync("/api/v1/options/price", between, Token)).Content.ReadAsStringAsync(Token)).RootElement;
        Assert.Equal(surfaces[1].Id, betweenPriced.GetProperty("surfaceId").GetInt64());
        var before = await api.Client().PostAsJsonAsync("/api/v1/options/price",
            between with { valuationTime = SurfaceSnapshotBoards.Older.AddTicks(-1) }, Token);
        await ProblemAssert.IsProblemAsync(before, HttpStatusCode.UnprocessableEntity);
    }
}
