using System.Text.Json;
using Analytics.Api.Auth;
using Analytics.Api.Contracts.Pricing;
using Analytics.Api.Errors;
using Analytics.Api.Endpoints.Costs;
using Analytics.Api.Endpoints.L2;
using Analytics.Api.Endpoints.Surfaces;
using Analytics.Api.Options;
using Analytics.Data.Telemetry;
using Analytics.Pricing.Engines;
using Analytics.Pricing.QuantLib;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Analytics.Api.Endpoints.Pricing;

/// <summary>Option pricing and implied volatility: <c>/api/v1/options</c>.</summary>
public static class PricingEndpoints
{
    /// <summary>Batches at least this long are priced on every core.</summary>
    private const int ParallelThreshold = 2048;

    public static RouteGroupBuilder MapPricingEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/options").WithTags("Pricing").RequireAuthorization(AuthNames.ReadPolicy);
        group.MapPost("/price", PriceAsync)
            .WithName("PriceOption")
            .WithSummary("Price one vanilla option, with Greeks")
            .WithDescription("European exercise: generalised Black-Scholes-Merton with cost of carry b (b = rate − dividendYield, or " +
                             "`carryRate`), or Black-76 when `forward` replaces `spot`. American exercise (`style: american`): " +
                             "`bjerksund-stensland` (2002, the default, as API.md names it), `qd-fp` (Andersen-Lake-Offengenden fixed-point exercise " +
                             "boundary), `barone-adesi-whaley` (1987) or `binomial` (converged lattice); " +
                             "calls with b ≥ r are priced as European. Give the tenor as `tenorYears` or as `expiry` (with an " +
                             "optional `valuationTime`, default now). Greeks are plain partial derivatives of the price: vega per " +
                             "1.00 of vol, theta per year of calendar time, rho per 1.00 of rate, or with `greekUnits: per-vol-point-per-day` " +
                             "in the venues' units (vega per vol point, theta per day, rho per 1 %); `greekUnits` in the response says which, " +
                             "`greeksMethod` how they were obtained. Options at the limits of the model — `tenorYears` 0 (or `expiry` equal " +
                             "to `valuationTime`), `vol` 0, `strike` 0, `spot` 0 — are priced by every engine at their exact closed form and say " +
                             "so in `limit`; an engine that cannot price extreme but valid inputs gives way to the closed form (`limit: " +
                             "extreme-inputs`). Bounds: spot, forward, strike in [0, 1e12] USD; vol in [0, 100]; tenorYears in [0, 1000]; rate, " +
                             "dividendYield, carryRate in [−10, 10] with |x·tenorYears| ≤ 500. Invalid input gets 400 with every " +
                             "offending field in `errors`." +
                             CpuBudgetDocs.Sentence("the engine's cost class (quantlib-fd: its grid, time steps × space points)"))
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapPost("/price/batch", PriceBatchAsync)
            .WithName("PriceOptionBatch")
            .WithSummary("Price many options in one call")
            .WithDescription("`{ \"options\": [ ...items shaped as POST /options/price... ] }` → `{ \"results\": [...] }` in the same " +
                             "order. An invalid item gets `{ \"error\": { status, title, errors } }` in its slot and does not fail the " +
                             "batch; so does an item that fails in the engine or whose result cannot be written (500 in its slot), so the " +
                             "response is always valid JSON. Up to `Limits:MaxBatchItems` (default 100,000) items; large batches are " +
                             "priced on every core, and pricing stops when the client disconnects." +
                             CpuBudgetDocs.Sentence("the valid items × their engine's cost class (an `l2` item three times, plus the L2 model)"))
            .Accepts<BatchRequest<OptionPriceRequest>>("application/json")
            .RequireJsonBody()
            .Produces<OptionPriceBatchResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapPost("/implied-vol", ImpliedVol)
            .WithName("ImpliedVol")
            .WithSummary("Implied volatility of an option price")
            .WithDescription("The pricing fields without `vol`, plus `price` (present value, USD). Solved to machine accuracy with " +
                             "Jäckel's \"Let's Be Rational\" (2015), also deep in the wings and at very short or long tenors. " +
                             "When no volatility gives the price (below intrinsic value, at or above the upper bound) the answer " +
                             "is 422 with the reason, the intrinsic value and the bound." + CpuBudgetDocs.Sentence("one inversion"))
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapPost("/implied-vol/batch", ImpliedVolBatchAsync)
            .WithName("ImpliedVolBatch")
            .WithSummary("Implied volatilities of many option prices")
            .WithDescription("`{ \"options\": [ ...items shaped as POST /options/implied-vol... ] }` → `{ \"results\": [...] }` in " +
                             "order; an item without an implied vol, or an invalid one, gets an `error` in its slot." +
                             CpuBudgetDocs.Sentence("the items × one inversion"))
            .Accepts<BatchRequest<ImpliedVolRequest>>("application/json")
            .RequireJsonBody()
            .Produces<ImpliedVolBatchResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return group;
    }

    private static async Task<Results<Ok<OptionPriceResponse>, ValidationProblem, ProblemHttpResult>> PriceAsync(
        OptionPriceRequest request, HttpContext context, TimeProvider timeProvider, QuantLibVanillaOptionPricer quantLib, ChainProfiles chains,
        CpuBudget cpu, CancellationToken cancellationToken)
    {
        // The gas and funding resolvers read the database: resolved only for a request that needs them, since each opens
        // a database context and most single prices need neither (bench/RESULTS.md, "Issue 17 item 8 after the
        // request-log rewrite").
        var errors = new FieldErrors();
        if (PriceableOption.Validate(request, timeProvider.GetUtcNow(), chains, errors) is not { } option)
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The option cannot be priced as given");
        if (cpu.Admit(context, OptionCosts.Price(EngineCost.Microseconds(option), option.Option.Engine)) is { } overBudget) return overBudget;
        if (option.L2 is { } l2)
        {
            var gas = context.RequestServices.GetRequiredService<ObservedGasResolver>();
            var (resolved, noGas) = await gas.ApplyAsync(l2, cancellationToken);
            if (noGas is not null) return ObservedGasResolver.NoObservedGasProblem([l2.Chain.Id], "l2.gas");
            option = option with { L2 = resolved };
        }
        double? fundingRate = null;
        if (option.Funding is { } series)
        {
            var funding = context.RequestServices.GetRequiredService<FundingCarryResolver>();
            var (rate, error) = await funding.ResolveAsync(series, option.Option.ValuationTime, cancellationToken);
            if (error is not null)
                return FundingCarryResolver.TooLittleDataProblem(error);
            fundingRate = rate;
        }
        try
        {
            var priced = option.Price(quantLib, fundingRate);
            AnalyticsMetrics.CountPriced(EngineRegistry.Id(priced.Engine), "price");
            return TypedResults.Ok(priced);
        }
        catch (Exception e) when (option.L2 is not null && e is ArgumentException or ArithmeticException or InvalidOperationException
                                  && EngineFailure.Describe(e) is null)
        {
            // Without l2 every valid input is priced (at its limit if need be); the L2 model's bid and ask have no such fallback.
            return Problems.WithErrors(StatusCodes.Status422UnprocessableEntity, "The L2 model cannot price these inputs", e.Message,
                new Dictionary<string, string[]> { ["l2"] = [$"the engine could not price these inputs with the L2 model: {e.Message}"] });
        }
    }

    private static Results<Ok<ImpliedVolResponse>, ValidationProblem, ProblemHttpResult> ImpliedVol(
        ImpliedVolRequest request, HttpContext context, TimeProvider timeProvider, CpuBudget cpu)
    {
        var errors = new FieldErrors();
        if (ImpliedVolInversion.Validate(request, timeProvider.GetUtcNow(), errors) is not var (option, price))
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The implied vol cannot be solved for as given");
        if (cpu.Admit(context, OptionCosts.ImpliedVols(1)) is { } overBudget) return overBudget;
        var (result, error) = ImpliedVolInversion.Solve(option, price);
        if (result is not null) return TypedResults.Ok(result);
        return Problems.WithErrors(error!.Status, error.Title, error.Errors["price"][0], error.Errors);
    }

    private static async Task<Results<ParallelJsonArrayResult<OptionPriceSlot>, ValidationProblem, ProblemHttpResult>> PriceBatchAsync(
        HttpContext context, TimeProvider timeProvider, IOptions<JsonOptions> json, IOptionsSnapshot<LimitsOptions> limits,
        QuantLibVanillaOptionPricer quantLib, ChainProfiles chains, FundingCarryResolver funding, SurfaceStore surfaces,
        BatchPricingMetrics metrics, CpuBudget cpu, ObservedGasResolver gas, ILoggerFactory loggers)
    {
        var aborted = context.RequestAborted;
        var (items, errors) = await BatchReader.ReadAsync(context.Request, json.Value.SerializerOptions,
            limits.Value.MaxBatchItems, aborted, body => OptionPriceBatchParser.TryParse(body.Span));
        if (items is null) return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The batch cannot be read");

        var log = loggers.CreateLogger(typeof(PricingEndpoints));
        var now = timeProvider.GetUtcNow();
        var fromSurface = await ResolveSurfaceVolsAsync(items, now, SurfaceVolFilter.Selector(surfaces, context));
        var validated = Map<OptionPriceRequest, (PriceableOption? Option, BatchItemError? Error)>(items, item =>
        {
            if (item.Failure is { } failure) return (null, failure);
            if (item.Value is null) return (null, Invalid(item.Errors!));
            var itemErrors = new FieldErrors();
            try
            {
                return PriceableOption.Validate(item.Value, now, chains, itemErrors) is { } option ? (option, null) : (null, Invalid(itemErrors.ToDictionary()));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return (null, BatchSlots.Unexpected(e, log));
            }
        }, aborted);
        // Invalid items cost nothing; the estimate is drawn before any pricing (413 over the request's budget, 429 over the second's).
        double costMicroseconds = validated.Sum(v => v.Option is { } o ? EngineCost.Microseconds(o) : 0);
        if (cpu.Admit(context, OptionCosts.PriceBatch(costMicroseconds, validated.Length, validated.Count(v => v.Option is not null))) is { } refused)
            return refused;
        // "gas": "observed" items: each chain's median read once; an item whose chain has none gets the 422 in its slot.
        for (var i = 0; i < validated.Length; i++)
        {
            if (validated[i].Option is not { L2: { Gas: Contracts.L2.GasSource.Observed } l2 } observed) continue;
            var (resolved, noGas) = await gas.ApplyAsync(l2, aborted);
            validated[i] = noGas is null ? (observed with { L2 = resolved }, null) : (null, noGas);
        }
        // Funding carry is read once per distinct (series, valuation time), before the CPU-bound pricing.
        var fundingRates = new Dictionary<(FundingSeries, DateTimeOffset), (double? Rate, string? Error)>();
        foreach (var key in validated.Where(v => v.Option?.Funding is not null).Select(v => (v.Option!.Funding!, v.Option.Option.ValuationTime)).Distinct())
            fundingRates[key] = await funding.ResolveAsync(key.Item1, key.Item2, aborted);

        // European items together through the SIMD kernel (bit-identical to pricing each alone), the rest one by one.
        var results = new OptionPriceSlot[validated.Length];
        try
        {
            BatchKernelPricing.Price(validated, v => v.Option, results);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Never expected (validated inputs); the items are priced one by one below instead.
            log.LogError(e, "The batch kernel failed; pricing its items one by one.");
            Array.Clear(results);
        }
        Parallelise(validated.Length, i =>
        {
            results[i] = BatchSlots.Checked(PriceSlot(i), log);
            metrics.ItemDone("price");
        }, aborted);
        foreach (var engine in results.OfType<OptionPriceResponse>().CountBy(r => r.Engine))
            AnalyticsMetrics.CountPriced(EngineRegistry.Id(engine.Key), "batch", engine.Value);
        return new ParallelJsonArrayResult<OptionPriceSlot>(results, OptionPriceSlotWriter.Write, BatchSlots.WriteUnwritable);

        OptionPriceSlot PriceSlot(int i)
        {
            var (option, error) = validated[i];
            if (option is null) return new OptionPriceItemError(error!);
            if (results[i] is OptionPriceResponse fromKernel)
                return fromSurface?[i] is { } surfaceOfKernelItem ? WithSurface(fromKernel, surfaceOfKernelItem) : fromKernel;
            double? fundingRate = null;
            if (option.Funding is { } series && fundingRates[(series, option.Option.ValuationTime)] is var (rate, fundingError))
            {
                if (fundingError is not null) return new OptionPriceItemError(FundingCarryResolver.TooLittleData(fundingError));
                fundingRate = rate;
            }
            try
            {
                var priced = option.Price(quantLib, fundingRate);
                return fromSurface?[i] is { } surface ? WithSurface(priced, surface) : priced;
            }
            catch (Exception e) when (EngineFailure.Describe(e) is { } failure)
            {
                return new OptionPriceItemError(failure);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return new OptionPriceItemError(BatchSlots.Unexpected(e, log));
            }
        }
    }

    private static async Task<Results<ParallelJsonArrayResult<ImpliedVolSlot>, ValidationProblem, ProblemHttpResult>> ImpliedVolBatchAsync(
        HttpContext context, TimeProvider timeProvider, IOptions<JsonOptions> json, IOptionsSnapshot<LimitsOptions> limits,
        BatchPricingMetrics metrics, CpuBudget cpu, ILoggerFactory loggers)
    {
        var aborted = context.RequestAborted;
        var (items, errors) = await BatchReader.ReadAsync<ImpliedVolRequest>(
            context.Request, json.Value.SerializerOptions, limits.Value.MaxBatchItems, aborted);
        if (items is null) return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The batch cannot be read");
        if (cpu.Admit(context, OptionCosts.ImpliedVols(items.Count)) is { } overBudget) return overBudget;

        var log = loggers.CreateLogger(typeof(PricingEndpoints));
        var now = timeProvider.GetUtcNow();
        var results = Map<ImpliedVolRequest, ImpliedVolSlot>(items, item =>
        {
            var slot = SolveSlot(item);
            metrics.ItemDone("implied-vol");
            return BatchSlots.Checked(slot, log);
        }, aborted);
        return new ParallelJsonArrayResult<ImpliedVolSlot>(results, static (writer, slot, options) => JsonSerializer.Serialize(writer, slot, options),
            BatchSlots.WriteUnwritable);

        ImpliedVolSlot SolveSlot(BatchItem<ImpliedVolRequest> item)
        {
            if (item.Value is null) return new ImpliedVolItemError(Invalid(item.Errors!));
            try
            {
                var itemErrors = new FieldErrors();
                if (ImpliedVolInversion.Validate(item.Value, now, itemErrors) is not var (option, price))
                    return new ImpliedVolItemError(Invalid(itemErrors.ToDictionary()));
                var (result, error) = ImpliedVolInversion.Solve(option, price);
                return result is not null ? result : new ImpliedVolItemError(error!);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return new ImpliedVolItemError(BatchSlots.Unexpected(e, log));
            }
        }
    }

    private static BatchItemError Invalid(Dictionary<string, string[]> errors) => new(400, "Invalid item", errors);

    private static OptionPriceResponse WithSurface(OptionPriceResponse priced, StoredSurface surface) =>
        priced with { SurfaceId = surface.Id, SurfaceModel = surface.Surface.Model, SurfaceAsOf = surface.Surface.AsOfUtc };

    /// <summary>
    /// <c>volSource: surface</c> items: replaced in <paramref name="items"/> by the request with the surface's vol (each item
    /// at its own valuation time; each (underlying, valuation time) and each named surface read once), or by a 422 error
    /// naming the field when no surface can be used. Returns the surface per item, or null when no item asks for one.
    /// </summary>
    private static async Task<StoredSurface?[]?> ResolveSurfaceVolsAsync(
        IList<BatchItem<OptionPriceRequest>> items, DateTimeOffset now, PricingSurfaceSelector selector)
    {
        StoredSurface?[]? used = null;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Value is not { VolSource: VolSource.Surface } request) continue;
            var resolution = await SurfaceVolResolver.ResolveAsync(request, now, selector);
            used ??= new StoredSurface?[items.Count];
            used[i] = resolution.Surface;
            items[i] = resolution.Problem is not { } problem
                ? new BatchItem<OptionPriceRequest>(resolution.Request, null)
                : new BatchItem<OptionPriceRequest>(request, null, new BatchItemError(SurfacePick.BodyStatus, problem.Title!,
                    new Dictionary<string, string[]> { [problem.Field!] = [problem.Detail!] }));
        }
        return used;
    }

    /// <summary>Maps every item, in order; large batches on every core. Stops with <see cref="OperationCanceledException"/> when
    /// <paramref name="cancellationToken"/> fires (the client disconnected).</summary>
    private static TResult[] Map<TItem, TResult>(
        IReadOnlyList<BatchItem<TItem>> items, Func<BatchItem<TItem>, TResult> map, CancellationToken cancellationToken) where TItem : class
    {
        var results = new TResult[items.Count];
        Parallelise(items.Count, i => results[i] = map(items[i]), cancellationToken);
        return results;
    }

    /// <summary>Runs <paramref name="body"/> for 0..count−1, on every core from <see cref="ParallelThreshold"/> items; checks
    /// <paramref name="cancellationToken"/> before each item, so a batch whose client has gone stops within one item per core.</summary>
    private static void Parallelise(int count, Action<int> body, CancellationToken cancellationToken)
    {
        if (count < ParallelThreshold)
        {
            for (var i = 0; i < count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                body(i);
            }
            return;
        }

        try
        {
            // One worker per processor at most, so the server's I/O (a client's disconnect among it) keeps a thread.
            var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
            Parallel.For(0, count, options, (i, state) =>
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    state.Stop();
                    return;
                }
                body(i);
            });
        }
        catch (AggregateException e) when (cancellationToken.IsCancellationRequested && e.InnerExceptions.All(x => x is OperationCanceledException))
        {
        }
        cancellationToken.ThrowIfCancellationRequested();
    }
}
