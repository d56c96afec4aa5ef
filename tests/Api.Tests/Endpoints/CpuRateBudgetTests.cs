using System.Net;
using System.Text;
using Analytics.Api.Tests.Infrastructure;
using Analytics.Data.Storage;
using Analytics.TestSupport;

namespace Analytics.Api.Tests.Endpoints;

/// <summary>
/// Issue 17 item 2, per second: on top of the per-request budget each client draws estimated CPU (items × the engine's cost
/// class, src/Api/Endpoints/Pricing/EngineCost.cs: qd-fp 100 µs an item) from a token bucket refilled at a configured rate
/// and holding the per-request budget; over it, 429 with <c>Retry-After</c> and a problem stating the budget. The clock is the
/// test's <see cref="Microsoft.Extensions.Time.Testing.FakeTimeProvider"/>: nothing here depends on how long a request takes.
/// </summary>
public sealed class CpuRateBudgetTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>60 qd-fp American items: 60 × 100 µs = 6 ms of estimated CPU.</summary>
    private static StringContent SixMsBatch() => new(
        "{\"options\":[" + string.Join(',', Enumerable.Repeat(
            """{"type":"put","style":"american","spot":100,"strike":100,"tenorYears":1,"vol":0.3,"rate":0.05,"engine":"qd-fp"}""", 60)) + "]}",
        Encoding.UTF8, "application/json");

    private static StringContent OneQdFpOption() => new(
        """{"type":"put","style":"american","spot":100,"strike":100,"tenorYears":1,"vol":0.3,"rate":0.05,"engine":"qd-fp"}""",
        Encoding.UTF8, "application/json");

    [Fact]
    public async Task AnonymousClient_OverItsCpuPerSecond_Gets429WithRetryAfter_UntilTheBucketRefills_WhileAKeyHasItsOwnBudget()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(StorageProvider.Sqlite, Token);
        // Anonymous: 1 CPU-ms per second, bucket of 10 ms; keyed: 2 CPU-ms per second, bucket of 12 ms.
        await using var factory = new ApiFactory(database, new Dictionary<string, string?>
        {
            ["Limits:AnonymousCpuMsPerSecond"] = "1", ["Limits:AnonymousBatchBudgetCpuMs"] = "10",
            ["Limits:KeyedCpuMsPerSecond"] = "2", ["Limits:KeyedBatchBudgetCpuMs"] = "12",
        });
        var anonymous = factory.CreateClient();
        var keyed = factory.CreateClient();
        keyed.DefaultRequestHeaders.Add("X-Api-Key", TestKeys.Reader);

        var first = await anonymous.PostAsync("/api/v1/options/price/batch", SixMsBatch(), Token);   // 10 → 4 ms left
        var second = await anonymous.PostAsync("/api/v1/options/price/batch", SixMsBatch(), Token);  // needs 6: 2 ms short
        var single = await anonymous.PostAsync("/api/v1/options/price", OneQdFpOption(), Token);      // 0.1 ms: fits (4 → 3.9)
        var keyedFirst = await keyed.PostAsync("/api/v1/options/price/batch", SixMsBatch(), Token);   // its own bucket: 12 → 6
        var keyedSecond = await keyed.PostAsync("/api/v1/options/price/batch", SixMsBatch(), Token);  // 6 → 0
        var keyedThird = await keyed.PostAsync("/api/v1/options/price/batch", SixMsBatch(), Token);   // 6 short at 2 ms/s: 3 s
        factory.Time.Advance(TimeSpan.FromSeconds(2.25));                                            // anonymous 3.9 + 2.25 = 6.15
        var afterRefill = await anonymous.PostAsync("/api/v1/options/price/batch", SixMsBatch(), Token);
        var emptyAgain = await anonymous.PostAsync("/api/v1/options/price", OneQdFpOption(), Token);   // 0.15 left, needs 0.1: fits
        var overAfterAll = await anonymous.PostAsync("/api/v1/options/price", OneQdFpOption(), Token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var problem = await ProblemAssert.IsProblemAsync(second, HttpStatusCode.TooManyRequests);
        Assert.Equal("2", Assert.Single(second.Headers.GetValues("Retry-After")));
        Assert.Equal(1, problem.GetProperty("budgetCpuMsPerSecond").GetDouble());
        Assert.Equal(10, problem.GetProperty("burstCpuMs").GetDouble());
        Assert.Equal(6, problem.GetProperty("estimatedCpuMs").GetDouble());
        Assert.Contains("AnonymousCpuMsPerSecond", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, single.StatusCode);
        Assert.Equal(HttpStatusCode.OK, keyedFirst.StatusCode);
        Assert.Equal(HttpStatusCode.OK, keyedSecond.StatusCode);
        var keyedProblem = await ProblemAssert.IsProblemAsync(keyedThird, HttpStatusCode.TooManyRequests);
        Assert.Equal("3", Assert.Single(keyedThird.Headers.GetValues("Retry-After")));
        Assert.Equal(2, keyedProblem.GetProperty("budgetCpuMsPerSecond").GetDouble());
        Assert.Contains("KeyedCpuMsPerSecond", keyedProblem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, afterRefill.StatusCode);
        Assert.Equal(HttpStatusCode.OK, emptyAgain.StatusCode);
        await ProblemAssert.IsProblemAsync(overAfterAll, HttpStatusCode.TooManyRequests);
    }
}
