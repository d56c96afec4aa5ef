using System.Net;
using System.Text;
using Analytics.Api.Tests.Infrastructure;
using Analytics.Data.Storage;
using Analytics.TestSupport;

namespace Analytics.Api.Tests.Endpoints;

/// <summary>
/// Issue 17 item 2: a price batch's CPU is estimated before any pricing (items × the engine's cost class) and held to the
/// caller's budget: anonymous callers a small one, keyed callers a configured one; over it, a 413 that states both.
/// </summary>
public sealed class BatchBudgetTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static StringContent Batch(string engine, string style, int count) => new(
        "{\"options\":[" + string.Join(',', Enumerable.Repeat(
            $$"""{"type":"put","style":"{{style}}","spot":100,"strike":100,"tenorYears":3,"vol":0.3,"rate":0.05,"engine":"{{engine}}"}""", count)) + "]}",
        Encoding.UTF8, "application/json");

    [Fact]
    public async Task AnonymousFdBatch_OverTheBudget_Is413BeforeAnyPricing_AndCheapOrKeyedBatchesPass()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(StorageProvider.Sqlite, Token);
        // The former key of the per-request budget (Limits:KeyedBatchBudgetCpuMs) still sets it.
        await using var factory = new ApiFactory(database, new Dictionary<string, string?> { ["Limits:KeyedBatchBudgetCpuMs"] = "50" });
        var anonymous = factory.CreateClient();

        // The hostile run's path: quantlib-fd American items without a key (its 3-year grid, 868 × 800 cells at 1 µs: ≈ 0.69 s each;
        // measured 0.26 s on the one-year grid, so 100 of them are tens of CPU-seconds, far over 2 s).
        var refused = await anonymous.PostAsync("/api/v1/options/price/batch", Batch("quantlib-fd", "american", 100), Token);
        var cheap = await anonymous.PostAsync("/api/v1/options/price/batch", Batch("analytic", "european", 10_000), Token);
        var keyed = factory.CreateClient();
        keyed.DefaultRequestHeaders.Add("X-Api-Key", TestKeys.Reader);
        var keyedRefused = await keyed.PostAsync("/api/v1/options/price/batch", Batch("quantlib-fd", "american", 3), Token);

        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(2_000, problem.GetProperty("budgetCpuMs").GetInt64());
        Assert.True(problem.GetProperty("estimatedCpuMs").GetDouble() > 2_000);
        Assert.Contains("Limits:AnonymousRequestBudgetCpuMs", problem.GetProperty("detail").GetString());
        Assert.Contains("100 valid of 100 items", problem.GetProperty("estimateBasis").GetString());
        Assert.Equal(HttpStatusCode.OK, cheap.StatusCode);
        var keyedProblem = await ProblemAssert.IsProblemAsync(keyedRefused, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(50, keyedProblem.GetProperty("budgetCpuMs").GetInt64());
    }
}
