using System.ComponentModel;
using Analytics.Api.Auth;
using Analytics.Api.Contracts.Indexer;
using Analytics.Api.Errors;
using Analytics.Data;
using Analytics.Data.Indexing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Analytics.Api.Endpoints;

/// <summary>On-chain indexing: <c>/api/v1/indexer/sources</c> and the observed gas <c>/api/v1/l2/chains/{id}/gas</c>.</summary>
public static class IndexerEndpoints
{
    public static RouteGroupBuilder MapIndexerEndpoints(this RouteGroupBuilder api)
    {
        api.MapGroup("/indexer").WithTags("Indexer").RequireAuthorization(AuthNames.ReadPolicy)
            .MapGet("/sources", SourcesAsync)
            .WithName("ListIndexerSources")
            .WithSummary("On-chain sources: head, last indexed block, lag, reorgs, last error")
            .WithDescription("One entry per `Indexer:Sources` entry. The `indexer` job (`Jobs:Recurring`) reads each exchange contract's " +
                             "events with eth_getLogs, stores blocks at least `confirmations` deep, checkpoints in the same transaction " +
                             "as the rows and repairs reorgs. Readiness reports Degraded while a source is `lagging`.");
        api.MapGroup("/l2").WithTags("L2").RequireAuthorization(AuthNames.ReadPolicy)
            .MapGet("/chains/{id}/gas", GasAsync)
            .WithName("GetObservedGas")
            .WithSummary("Observed USD gas per indexed trade on a chain (median, p90)")
            .WithDescription("From the receipts of the trades the on-chain indexer stored for this chain, in (now − windowHours, now]: " +
                             "each trade's share of its transaction's gas used × effective gas price plus its L1 data fee (the receipt's `l1Fee` on OP-stack chains and Scroll), in USD at the ETH index price. " +
                             "A chain without indexed trades answers count 0 with null statistics. Pricing requests use the median with " +
                             "`\"gas\": \"observed\"` in their `l2` block.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Ok<IndexerSourcesResponse>> SourcesAsync(AnalyticsDbContext db, IOptions<IndexerOptions> options, CancellationToken cancellationToken)
    {
        var statuses = await IndexerStatusQuery.ReadAsync(db, options.Value, cancellationToken);
        return TypedResults.Ok(new IndexerSourcesResponse(statuses.Select(s => new IndexerSourceResponse(
            s.Id, s.Chain, s.Contract, s.FirstBlock, s.Confirmations, s.HeadBlock, Utc(s.HeadTimestampUtc), s.LastIndexedBlock,
            Utc(s.LastIndexedTimestampUtc), s.LagBlocks, s.LagSeconds, s.Lagging, s.ReorgsSeen, s.DeepReorgsSeen, s.LastReorgDepth,
            Utc(s.LastReorgUtc), s.LogErrors, s.LastError, Utc(s.LastErrorUtc), Utc(s.LastRunUtc))).ToList()));
    }

    private static async Task<Results<Ok<ObservedGasResponse>, ValidationProblem, ProblemHttpResult>> GasAsync(
        [Description("Chain profile id (GET /api/v1/l2/chains), e.g. `arbitrum-one`.")] string id,
        [Description("Window length, hours, in (0, 87600] (default 24)."), DefaultValue(24.0)] double? windowHours,
        AnalyticsDbContext db, ChainProfiles chains, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var window = errors.Range("windowHours", windowHours ?? 24, 0, 87_600, "hours", minExclusive: true);
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());
        if (chains.Find(id) is not { } profile)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such chain",
                detail: $"No chain profile has the id '{id}'. GET /api/v1/l2/chains lists them.");
        var to = time.GetUtcNow().UtcDateTime;
        var gas = await ObservedGasQuery.ReadAsync(db, profile.Id, to.AddHours(-window!.Value), to, cancellationToken);
        return TypedResults.Ok(new ObservedGasResponse(profile.Id, new DateTimeOffset(gas.FromUtc), new DateTimeOffset(gas.ToUtc), gas.Count,
            gas.MedianUsd, gas.P90Usd, gas.MeanUsd, profile.GasCostUsd));
    }

    private static DateTimeOffset? Utc(DateTime? value) => value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
}
