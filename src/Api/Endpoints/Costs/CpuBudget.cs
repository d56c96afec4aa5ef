using System.Collections.Concurrent;
using System.Globalization;
using Analytics.Api.Options;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Analytics.Api.Endpoints.Costs;

/// <summary>
/// The CPU budget every costly endpoint passes through before its work (issue 17 item 2), after its cheap validation and
/// reads: the request's estimate (<see cref="CpuEstimate"/>, from <see cref="UnitCosts"/> and <see cref="EngineCost"/>) is
/// held to the caller's budget per request (<see cref="LimitsOptions.RequestBudgetCpuMs"/>; over it, 413) and then drawn
/// from a token bucket of estimated CPU milliseconds per client (the API key's name, else the caller's IP address, as the
/// request rate limiter tells clients apart), refilled at <see cref="LimitsOptions.CpuMsPerSecond"/> and holding at most
/// the per-request budget, so one request of the largest allowed cost passes from a full bucket (over it, 429 with
/// <c>Retry-After</c>; the bucket is left as it was). Both problems state the estimate, what it was computed from and the
/// budget. Time comes from <see cref="TimeProvider"/>. Thread-safe; a singleton.
/// </summary>
public sealed class CpuBudget(TimeProvider time, IOptionsMonitor<LimitsOptions> limits)
{
    /// <summary>Beyond this many tracked clients, buckets that have refilled are forgotten (they start full again anyway).</summary>
    private const int MaxTrackedClients = 10_000;

    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>
    /// Admits a request of <paramref name="estimate"/>: null when it fits both budgets (and its estimate was drawn from the
    /// caller's bucket), else the 413 (over the per-request budget) or 429 (over the per-second budget) problem.
    /// </summary>
    public ProblemHttpResult? Admit(HttpContext context, CpuEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(context);
        bool anonymous = context.User.Identity?.IsAuthenticated != true;
        long budgetMs = limits.CurrentValue.RequestBudgetCpuMs(anonymous);
        return estimate.Milliseconds > budgetMs ? TooLarge(estimate, budgetMs, anonymous) : TryCharge(context, estimate);
    }

    /// <summary>
    /// Takes the estimate from the caller's bucket; null when it had enough, else the 429 problem stating the budget, the
    /// estimate and when to retry (the bucket is left as it was).
    /// </summary>
    public ProblemHttpResult? TryCharge(HttpContext context, CpuEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(context);
        double costMs = estimate.Milliseconds;
        if (!(costMs > 0)) return null;
        var settings = limits.CurrentValue;
        bool anonymous = context.User.Identity?.IsAuthenticated != true;
        double ratePerSecond = settings.CpuMsPerSecond(anonymous);
        double capacity = Math.Max(ratePerSecond, settings.RequestBudgetCpuMs(anonymous));
        var client = anonymous ? "ip:" + context.Connection.RemoteIpAddress : "key:" + context.User.Identity!.Name;
        if (_buckets.Count > MaxTrackedClients) ForgetFullBuckets(ratePerSecond, capacity);

        var now = time.GetTimestamp();
        var bucket = _buckets.GetOrAdd(client, _ => new Bucket(capacity, now));
        double missingMs;
        lock (bucket)
        {
            bucket.Refill(now, ratePerSecond, capacity, time);
            if (bucket.TokensMs >= costMs)
            {
                bucket.TokensMs -= costMs;
                return null;
            }
            missingMs = Math.Min(costMs, capacity) - bucket.TokensMs;
        }

        int retryAfterSeconds = (int)Math.Clamp(Math.Ceiling(missingMs / ratePerSecond), 1, int.MaxValue);
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        var whose = anonymous
            ? "anonymous callers from this address (Limits:AnonymousCpuMsPerSecond); send an API key for a larger one"
            : "this API key (Limits:KeyedCpuMsPerSecond)";
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Over the CPU budget per second",
            detail: string.Create(CultureInfo.InvariantCulture,
                $"The request is estimated at {costMs:0.###} ms of CPU ({estimate.Basis}); the budget is {ratePerSecond:0.###} CPU-ms per second, bursts up to {capacity:0.###} ms, for {whose}. Retry after {retryAfterSeconds} s."),
            extensions: new Dictionary<string, object?>
            {
                ["estimatedCpuMs"] = Math.Round(costMs, 3),
                ["estimateBasis"] = estimate.Basis,
                ["budgetCpuMsPerSecond"] = ratePerSecond,
                ["burstCpuMs"] = capacity,
                ["retryAfterSeconds"] = retryAfterSeconds,
            });
    }

    private static ProblemHttpResult TooLarge(CpuEstimate estimate, long budgetMs, bool anonymous)
    {
        var whose = anonymous
            ? "anonymous callers (Limits:AnonymousRequestBudgetCpuMs); send an API key for a larger one"
            : "keyed callers (Limits:KeyedRequestBudgetCpuMs)";
        return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request is over its CPU budget",
            detail: string.Create(CultureInfo.InvariantCulture,
                $"Estimated {estimate.Milliseconds:0.###} ms of CPU ({estimate.Basis}) against a budget of {budgetMs} ms per request for {whose}. Nothing was computed: make the request smaller (the figures above) or choose a cheaper method or engine."),
            extensions: new Dictionary<string, object?>
            {
                ["estimatedCpuMs"] = Math.Round(estimate.Milliseconds, 3),
                ["estimateBasis"] = estimate.Basis,
                ["budgetCpuMs"] = budgetMs,
            });
    }

    private void ForgetFullBuckets(double ratePerSecond, double capacity)
    {
        var now = time.GetTimestamp();
        foreach (var (client, bucket) in _buckets)
        {
            lock (bucket)
            {
                bucket.Refill(now, ratePerSecond, capacity, time);
                if (bucket.TokensMs >= capacity) _buckets.TryRemove(client, out _);
            }
        }
    }

    /// <summary>One client's bucket: milliseconds of CPU left, and when it was last refilled. Guarded by its own lock.</summary>
    private sealed class Bucket(double tokensMs, long refilledAt)
    {
        private long _refilledAt = refilledAt;

        public double TokensMs { get; set; } = tokensMs;

        public void Refill(long now, double ratePerSecond, double capacity, TimeProvider time)
        {
            if (now <= _refilledAt) return;
            TokensMs = Math.Min(capacity, TokensMs + time.GetElapsedTime(_refilledAt, now).TotalSeconds * ratePerSecond);
            _refilledAt = now;
        }
    }
}
