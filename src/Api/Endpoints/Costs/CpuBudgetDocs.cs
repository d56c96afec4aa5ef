namespace Analytics.Api.Endpoints.Costs;

/// <summary>The sentence every costed operation's OpenAPI description ends with (<see cref="CpuBudget"/>).</summary>
internal static class CpuBudgetDocs
{
    /// <summary>The budget, for an operation whose estimate is computed from <paramref name="estimate"/>.</summary>
    public static string Sentence(string estimate) =>
        $" CPU budget: before any work the request's CPU is estimated from {estimate} (measured unit costs, rounded up). Above " +
        "`Limits:AnonymousRequestBudgetCpuMs` (default 2,000 ms) without a key, or `Limits:KeyedRequestBudgetCpuMs` (default " +
        "600,000 ms) with one, the answer is 413 and nothing is computed; otherwise the estimate is drawn from the caller's CPU " +
        "budget per second (`Limits:AnonymousCpuMsPerSecond`, default 500, per address; `Limits:KeyedCpuMsPerSecond`, default " +
        "10,000, per key), and over it the answer is 429 with `Retry-After`. Both problems carry `estimatedCpuMs`, `estimateBasis` " +
        "(the figures the estimate was computed from) and the budget (`budgetCpuMs`, or `budgetCpuMsPerSecond` and `burstCpuMs`).";
}
