using System.Collections.Concurrent;
using System.Globalization;
using Analytics.Api.Options;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Analytics.Api.Endpoints.Pricing;

/// <summary>
/// The per-second CPU budget (issue 17 item 2), on top of the per-request one: a token bucket of estimated CPU
/// milliseconds per client (the API key's name, else the caller's IP address, as the request rate limiter tells clients
/// apart), refilled at <see cref="LimitsOptions.AnonymousCpuMsPerSecond"/> or <see cref="LimitsOptions.KeyedCpuMsPerSecond"/>
/// and holding at most the caller's per-request budget, so one request of the largest allowed cost passes from a full
/// bucket. A request whose estimate (<see cref="EngineCost"/>) exceeds what is left gets a 429 with <c>Retry-After</c>,
/// before any work. Time comes from <see cref="TimeProvider"/>. Thread-safe; a singleton.
/// </summary>
public sealed class CpuRateBudget(TimeProvider time, IOptionsMonitor<LimitsOptions> limits)
{
    /// <summary>Beyond this many tracked clients, buckets that have refilled are forgotten (they start full again anyway).</summary>
    private const int MaxTrackedClients = 10_000;

    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>
    /// Takes <paramref name="costMs"/> from the caller's bucket; null when it had enough, else the 429 problem stating the
    /// budget, the estimate and when to retry (the bucket is left as it was).
    /// </summary>
    public ProblemHttpResult? TryCharge(HttpContext context, double costMs)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (costMs <= 0) return null;
        var settings = limits.CurrentValue;
        bool anonymous = context.User.Identity?.IsAuthenticated != true;
        double ratePerSecond = anonymous ? settings.AnonymousCpuMsPerSecond : settings.KeyedCpuMsPerSecond;
        double capacity = Math.Max(ratePerSecond, anonymous ? settings.AnonymousBatchBudgetCpuMs : settings.KeyedBatchBudgetCpuMs);
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
                $"The request is estimated at {costMs:0.###} ms of CPU (items × their engine's cost class); the budget is {ratePerSecond:0.###} CPU-ms per second, bursts up to {capacity:0.###} ms, for {whose}. Retry after {retryAfterSeconds} s."),
            extensions: new Dictionary<string, object?>
            {
                ["estimatedCpuMs"] = Math.Round(costMs, 3),
                ["budgetCpuMsPerSecond"] = ratePerSecond,
                ["burstCpuMs"] = capacity,
                ["retryAfterSeconds"] = retryAfterSeconds,
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
