using System.Net;
using System.Text;
using System.Text.Json;
using Analytics.Api.Tests.Infrastructure;

namespace Analytics.Api.Tests.Endpoints;

/// <summary>
/// Issue 14 item 3: 20,000 good items around bad ones of every kind (subnormal, huge, NaN as a string, wrong types, missing
/// fields, a null item, an engine that fails: QuantLib unavailable on this server) — each bad item gets a problem in its own
/// slot, every good item is priced, and the whole body parses as JSON.
/// </summary>
public sealed class BatchSlotIsolationTests(SqliteApiWithoutQuantLib api) : IClassFixture<SqliteApiWithoutQuantLib>
{
    /// <summary>Problem types by status: the defining sections of RFC 9110 (§15.5.1 400, §15.5.21 422, §15.6.1 500, §15.6.4 503).</summary>
    private static readonly Dictionary<int, string> RfcSection = new()
    {
        [400] = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        [422] = "https://tools.ietf.org/html/rfc9110#section-15.5.21",
        [500] = "https://tools.ietf.org/html/rfc9110#section-15.6.1",
        [503] = "https://tools.ietf.org/html/rfc9110#section-15.6.4",
    };

    private const int GoodItems = 20_000;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<JsonElement> ResultsAsync(string path, IReadOnlyList<string> items)
    {
        var body = "{\"options\":[" + string.Join(",", items) + "]}";
        var response = await api.Client().PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"), Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text.Length > 2000 ? text[..2000] : text);
        return JsonDocument.Parse(text).RootElement.GetProperty("results").Clone(); // throws unless the whole body is valid JSON
    }

    /// <summary>The good items, with the bad ones spread through them; returns the index of each bad item and its expected status and field.</summary>
    private static (List<string> Items, List<(int Index, int Status, string? Field)> Bad) Interleave(string good, (string Json, int Status, string? Field)[] bad)
    {
        var items = Enumerable.Repeat(good, GoodItems).ToList();
        var positions = new List<(int, int, string?)>();
        for (var k = 0; k < bad.Length; k++)
        {
            // Spread across the parallel chunks: the first item, the middle of the body, chunk edges, the last item.
            var index = k == 0 ? 0 : k == bad.Length - 1 ? items.Count : (int)((long)k * items.Count / bad.Length) + 511;
            items.Insert(index, bad[k].Json);
            positions.Add((index, bad[k].Status, bad[k].Field));
        }
        // Indices shift as later items go in: recompute from the final list.
        var finalPositions = new List<(int, int, string?)>();
        var cursor = 0;
        foreach (var (json, status, field) in bad)
        {
            cursor = items.IndexOf(json, cursor);
            finalPositions.Add((cursor, status, field));
            cursor++;
        }
        return (items, finalPositions);
    }

    [Fact]
    public async Task PriceBatch_TwentyThousandGoodItemsAroundBadOnesOfEveryKind_EachBadItemFailsOnlyItsSlot()
    {
        const string good = """{"type":"call","spot":100,"strike":100,"tenorYears":1,"vol":0.2,"rate":0.05}""";
        (string, int, string?)[] bad =
        [
            ("""{"type":"call","spot":100,"strike":5e-324,"tenorYears":1,"vol":0.2,"rate":0.05}""", 400, "strike"),
            ("""{"type":"call","spot":1e300,"strike":100,"tenorYears":1,"vol":0.2,"rate":0.05}""", 400, "spot"),
            ("""{"type":"call","spot":100,"strike":100,"tenorYears":1,"vol":"NaN","rate":0.05}""", 400, "vol"),
            ("""{"type":"call","spot":"cheap","strike":100,"tenorYears":1,"vol":0.2,"rate":0.05}""", 400, "spot"),
            ("""{"type":"call","spot":100,"strike":[1],"tenorYears":1,"vol":0.2,"rate":0.05}""", 400, "strike"),
            ("""{"type":"call","spot":100,"tenorYears":1,"vol":0.2,"rate":0.05}""", 400, "strike"),
            ("""{"type":"swaption","spot":100,"strike":100,"tenorYears":1,"vol":0.2,"rate":0.05}""", 400, "type"),
            ("null", 400, "body"),
            ("""{"type":"call","spot":100,"strike":100,"tenorYears":1e308,"vol":0.2,"rate":0.05}""", 400, "tenorYears"),
            ("""{"type":"call","engine":"quantlib-analytic","spot":100,"strike":100,"tenorYears":1,"vol":0.2,"rate":0.05}""", 503, "engine"),
            ("""{"type":"put","style":"american","engine":"quantlib-fd","spot":100,"strike":100,"tenorYears":1,"vol":0.2,"rate":0.05}""", 503, "engine"),
            ("""{"type":"call","spot":100,"strike":100,"tenorYears":1,"vol":0.2,"rate":0.05,"volSource":"surface","underlying":"NOSUCH"}""", 400, null),
            ("""{"type":"call","spot":100,"strike":100,"tenorYears":1,"vol":0.2,"rate":0.05,"notAField":1}""", 400, null),
        ];
        var (items, badAt) = Interleave(good, bad);

        var results = await ResultsAsync("/api/v1/options/price/batch", items);

        Assert.Equal(items.Count, results.GetArrayLength());
        var badIndices = badAt.Select(b => b.Index).ToHashSet();
        foreach (var (index, status, field) in badAt)
        {
            var error = results[index].GetProperty("error");
            Assert.True(error.GetProperty("status").GetInt32() is var s && (s == status || (field is null && s is 400 or 422)),
                $"slot {index} ({items[index]}): {error}");
            Assert.Equal(RfcSection[error.GetProperty("status").GetInt32()], error.GetProperty("type").GetString());
            if (field is not null)
                Assert.True(error.GetProperty("errors").TryGetProperty(field, out _), $"slot {index} ({items[index]}): {error}");
        }
        for (var i = 0; i < items.Count; i++)
        {
            if (badIndices.Contains(i)) continue;
            // Hull's BSM call, S = K = 100, r = 5 %, σ = 20 %, T = 1.
            Assert.Equal(10.450583572185579, results[i].GetProperty("price").GetDouble(), 9);
        }
    }

    [Fact]
    public async Task ImpliedVolBatch_TwentyThousandGoodItemsAroundBadOnesOfEveryKind_EachBadItemFailsOnlyItsSlot()
    {
        // Hull's BSM call price at σ = 20 % (S = K = 100, r = 5 %, T = 1): its implied vol is 0.2.
        const string good = """{"type":"call","spot":100,"strike":100,"tenorYears":1,"price":10.450583572185579,"rate":0.05}""";
        (string, int, string?)[] bad =
        [
            ("""{"type":"call","spot":100,"strike":100,"tenorYears":1,"price":5e-324,"rate":0.05}""", 400, "price"),
            ("""{"type":"call","spot":100,"strike":100,"tenorYears":1,"price":1e300,"rate":0.05}""", 400, "price"),
            ("""{"type":"call","spot":100,"strike":100,"tenorYears":1,"price":"NaN","rate":0.05}""", 400, "price"),
            ("""{"type":"call","spot":true,"strike":100,"tenorYears":1,"price":10,"rate":0.05}""", 400, "spot"),
            ("""{"type":"call","spot":100,"strike":100,"tenorYears":1,"rate":0.05}""", 400, "price"),
            ("null", 400, "body"),
            ("""{"type":"call","spot":100,"strike":100,"tenorYears":1,"price":150,"rate":0.05}""", 422, "price"),
            ("""{"type":"call","spot":100,"strike":100,"tenorYears":0,"price":10,"rate":0.05}""", 400, "tenorYears"),
        ];
        var (items, badAt) = Interleave(good, bad);

        var results = await ResultsAsync("/api/v1/options/implied-vol/batch", items);

        Assert.Equal(items.Count, results.GetArrayLength());
        foreach (var (index, status, field) in badAt)
        {
            var error = results[index].GetProperty("error");
            Assert.True(error.GetProperty("status").GetInt32() == status, $"slot {index} ({items[index]}): {error}");
            Assert.Equal(RfcSection[status], error.GetProperty("type").GetString());
            Assert.True(error.GetProperty("errors").TryGetProperty(field!, out _), $"slot {index} ({items[index]}): {error}");
        }
        var badIndices = badAt.Select(b => b.Index).ToHashSet();
        for (var i = 0; i < items.Count; i++)
            if (!badIndices.Contains(i))
                Assert.Equal(0.2, results[i].GetProperty("impliedVol").GetDouble(), 10);
    }

    [Fact]
    public async Task PriceBatch_ItemsAtTheLimits_ArePricedInTheirSlots()
    {
        string[] items =
        [
            """{"type":"call","spot":110,"strike":100,"tenorYears":0,"vol":0.2,"rate":0.05}""",
            """{"type":"put","spot":90,"strike":100,"tenorYears":1,"vol":0,"rate":0.05}""",
            """{"type":"call","spot":100,"strike":0,"tenorYears":1,"vol":0.2,"rate":0.05}""",
            """{"type":"put","spot":0,"strike":100,"tenorYears":1,"vol":0.2,"rate":0.05}""",
        ];
        var many = Enumerable.Range(0, 3_000).Select(i => items[i % items.Length]).ToList(); // past the parallel threshold

        var results = await ResultsAsync("/api/v1/options/price/batch", many);

        for (var i = 0; i < many.Count; i++)
        {
            var (price, limit) = (i % 4) switch
            {
                0 => (10.0, "expiry"),
                1 => (100 * Math.Exp(-0.05) - 90, "zero-volatility"),
                2 => (100.0, "zero-strike"),
                _ => (100 * Math.Exp(-0.05), "zero-spot"),
            };
            Assert.Equal(price, results[i].GetProperty("price").GetDouble(), 12);
            Assert.Equal(limit, results[i].GetProperty("limit").GetString());
        }
    }
}
