using System.Net;
using System.Text;
using Analytics.Api.Tests.Infrastructure;
using Analytics.Data.Storage;
using Analytics.TestSupport;

namespace Analytics.Api.Tests.Endpoints;

/// <summary>
/// Issue 17 item 2, per second: on top of the per-request budget each client draws estimated CPU (items × the engine's cost
/// class, src/Api/Endpoints/Costs/EngineCost.cs: analytic 25 µs an item) from a token bucket refilled at a configured rate
/// and holding the per-request budget; over it, 429 with <c>Retry-After</c> and a problem stating the budget. The clock is the
/// test's <see cref="Microsoft.Extensions.Time.Testing.FakeTimeProvider"/>: nothing here depends on how long a request takes.
/// </summary>
public sealed class CpuRateBudgetTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>240 analytic European items: 240 × 25 µs = 6 ms of estimated CPU.</summary>
    private static StringContent SixMsBatch() => new(
        "{\"options\":[" + string.Join(',', Enumerable.Repeat(
            """{"type":"put","spot":100,"strike":100,"tenorYears":1,"vol":0.3,"rate":0.05,"engine":"analytic"}""", 240)) + "]}",
        Encoding.UTF8, "application/json");

    /// <summary>One analytic option: 0.025 ms.</summary>
    private static StringContent OneOption() => new(
        """{"type":"put","spot":100,"strike":100,"tenorYears":1,"vol":0.3,"rate":0.05,"engine":"analytic"}""",
        Encoding.UTF8, "application/json");

    [Fact]
    public async Task AnonymousClient_OverItsCpuPerSecond_Gets429WithRetryAfter_UntilTheBucketRefills_WhileAKeyHasItsOwnBudget()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(StorageProvider.Sqlite, Token);
        // Anonymous: 1 CPU-ms per second, bucket of 10 ms; keyed: 2 CPU-ms per second, bucket of 12 ms.
        await using var factory = new ApiFactory(database, new Dictionary<string, string?>
        {
            ["Limits:AnonymousCpuMsPerSecond"] = "1", ["Limits:AnonymousRequestBudgetCpuMs"] = "10",
            ["Limits:KeyedCpuMsPerSecond"] = "2", ["Limits:KeyedRequestBudgetCpuMs"] = "12",
        });
        var anonymous = factory.CreateClient();
        var keyed = factory.CreateClient();
        keyed.DefaultRequestHeaders.Add("X-Api-Key", TestKeys.Reader);

        var first = await anonymous.PostAsync("/api/v1/options/price/batch", SixMsBatch(), Token);   // 10 → 4 ms left
        var second = await anonymous.PostAsync("/api/v1/options/price/batch", SixMsBatch(), Token);  // needs 6: 2 ms short
        var single = await anonymous.PostAsync("/api/v1/options/price", OneOption(), Token);          // 0.025 ms: fits (4 → 3.975)
        var keyedFirst = await keyed.PostAsync("/api/v1/options/price/batch", SixMsBatch(), Token);   // its own bucket: 12 → 6
        var keyedSecond = await keyed.PostAsync("/api/v1/options/price/batch", SixMsBatch(), Token);  // 6 → 0
        var keyedThird = await keyed.PostAsync("/api/v1/options/price/batch", SixMsBatch(), Token);   // 6 short at 2 ms/s: 3 s
        factory.Time.Advance(TimeSpan.FromSeconds(2.065));                                           // anonymous 3.975 + 2.065 = 6.04
        var afterRefill = await anonymous.PostAsync("/api/v1/options/price/batch", SixMsBatch(), Token); // 0.04 left
        var emptyAgain = await anonymous.PostAsync("/api/v1/options/price", OneOption(), Token);       // needs 0.025: fits (0.015 left)
        var overAfterAll = await anonymous.PostAsync("/api/v1/options/price", OneOption(), Token);

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
