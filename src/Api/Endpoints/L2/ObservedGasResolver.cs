using System.Globalization;
using Analytics.Api.Contracts.L2;
using Analytics.Api.Contracts.Pricing;
using Analytics.Api.Errors;
using Analytics.Data;
using Analytics.Data.Indexing;
using Analytics.Pricing.L2;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Endpoints.L2;

/// <summary>
/// The one resolution of <c>"gas": "observed"</c> (API.md, On-chain indexing) for every pricing request: the chain's
/// profile with its <c>gasCostUsd</c> replaced by the median USD gas per trade the on-chain indexer stored for that chain
/// over the last <see cref="WindowHours"/> hours (<see cref="ObservedGasQuery"/>, what GET /api/v1/l2/chains/{id}/gas
/// gives with <c>windowHours=24</c>), or a 422 naming the field when the chain has none. One instance per request: every
/// chain is read once and against the same instant, however many items or chains ask for it.
/// </summary>
internal sealed class ObservedGasResolver(AnalyticsDbContext db, TimeProvider time)
{
    /// <summary>The window of indexed trades whose median is used, hours, ending now.</summary>
    public const double WindowHours = 24;

    private const string Title = "No observed gas";
    private readonly Dictionary<string, double?> _medians = new(StringComparer.Ordinal);
    private DateTime? _nowUtc;

    /// <summary>The median USD gas per indexed trade on <paramref name="chainId"/> over the window; null when there is none.</summary>
    public async Task<double?> MedianUsdAsync(string chainId, CancellationToken cancellationToken)
    {
        if (_medians.TryGetValue(chainId, out var known)) return known;
        var to = _nowUtc ??= time.GetUtcNow().UtcDateTime;
        var gas = await ObservedGasQuery.ReadAsync(db, chainId, to.AddHours(-WindowHours), to, cancellationToken);
        return _medians[chainId] = gas.MedianUsd;
    }

    /// <summary><paramref name="chain"/> unchanged with <see cref="GasSource.Configured"/>; with <see cref="GasSource.Observed"/>, its
    /// gas per transaction replaced by the observed median, or null when the chain has none.</summary>
    public async Task<ChainProfile?> ApplyAsync(ChainProfile chain, GasSource source, CancellationToken cancellationToken) =>
        source != GasSource.Observed ? chain
        : await MedianUsdAsync(chain.Id, cancellationToken) is { } median ? chain.WithOverrides(gasCostUsd: median) : null;

    /// <summary>A validated <c>l2</c> block with its gas resolved (<see cref="ApplyAsync(ChainProfile, GasSource, CancellationToken)"/>),
    /// or the error of a chain without observed gas (field <c>l2.gas</c>).</summary>
    public async Task<(ValidatedL2? L2, BatchItemError? Error)> ApplyAsync(ValidatedL2 l2, CancellationToken cancellationToken) =>
        await ApplyAsync(l2.Chain, l2.Gas, cancellationToken) is { } chain
            ? (l2 with { Chain = chain }, null)
            : (null, NoObservedGas([l2.Chain.Id], "l2.gas"));

    /// <summary>The 422 of chains without observed gas, for a batch item: <c>errors</c> names <paramref name="field"/>.</summary>
    public static BatchItemError NoObservedGas(IReadOnlyCollection<string> chainIds, string field) =>
        new(StatusCodes.Status422UnprocessableEntity, Title, new Dictionary<string, string[]> { [field] = [Detail(chainIds, field)] });

    /// <summary>The same as an RFC 9457 response.</summary>
    public static ProblemHttpResult NoObservedGasProblem(IReadOnlyCollection<string> chainIds, string field)
    {
        var item = NoObservedGas(chainIds, field);
        return Problems.WithErrors(item.Status, item.Title, item.Errors[field][0], item.Errors);
    }

    /// <summary>Why, and what to send instead: in a body's <c>l2</c> block, configured gas or a <c>gasCostUsd</c>; in a query, <c>gas=configured</c>.</summary>
    private static string Detail(IReadOnlyCollection<string> chainIds, string field)
    {
        var instead = field.StartsWith("l2.", StringComparison.Ordinal) ? "use \"gas\": \"configured\" or gasCostUsd." : "use gas=configured.";
        return chainIds.Count == 1
            ? string.Create(CultureInfo.InvariantCulture,
                $"No trade with gas was indexed on {chainIds.First()} in the last {WindowHours:0} h (GET /api/v1/l2/chains/{chainIds.First()}/gas); {instead}")
            : string.Create(CultureInfo.InvariantCulture,
                $"No trade with gas was indexed in the last {WindowHours:0} h on {string.Join(", ", chainIds)} (GET /api/v1/l2/chains/{{id}}/gas for each); {instead}");
    }
}
