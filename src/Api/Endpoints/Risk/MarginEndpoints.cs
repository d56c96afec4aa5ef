using System.Collections.Immutable;
using Analytics.Api.Auth;
using Analytics.Api.Contracts.Portfolios;
using Analytics.Api.Contracts.Risk;
using Analytics.Api.Endpoints.Costs;
using Analytics.Api.Errors;
using Analytics.Api.Options;
using Analytics.Data;
using Analytics.Data.Margin;
using Analytics.Data.Portfolios;
using Analytics.Data.Risk;
using Analytics.Data.Telemetry;
using Analytics.Pricing.L2;
using Analytics.Pricing.Margin;
using Analytics.Pricing.Risk;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Analytics.Api.Endpoints.Risk;

/// <summary><c>/api/v1/risk/margin</c>, <c>/margin/models</c>, <c>/margin/compare</c>, <c>/margin/backtest</c> (API.md, PRODUCT.md §3.5).</summary>
internal static class MarginEndpoints
{
    private const int MaxListed = 50, MaxWindowDays = 30, DefaultHistoryDays = 3650;

    private static readonly ImmutableDictionary<string, double> None = ImmutableDictionary<string, double>.Empty;

    private const string AddOnFormula =
        "τ = chain liquidationLatencySeconds + blockTimeSeconds + Margin:OracleHeartbeatSeconds; σ_τ = σ_daily·√(τ / 86,400 s) with σ_daily the " +
        "EWMA (λ = Margin:EwmaLambda) vol of the daily log returns; per underlying the worst delta-gamma loss −(D·x + ½·G·x²) over |x| ≤ Φ⁻¹(confidence)·σ_τ; summed over underlyings.";

    public static RouteGroupBuilder MapMarginEndpoints(this RouteGroupBuilder risk)
    {
        risk.MapPost("/margin", RunAsync)
            .RequireAuthorization(AuthNames.ReadPolicy)
            .WithName("ComputeMargin")
            .WithSummary("Initial and maintenance margin of a portfolio under a venue's rules on a chain")
            .WithDescription("Of a stored portfolio or inline positions, valued as `POST /risk/var` values them (latest prices, surface vols " +
                             "held at each strike, r = b = 0): the model's margin (`standard`: each position alone by the venue's rule; " +
                             "`portfolio`: each underlying's worst loss on the model's spot × vol grid and extended table, IM a multiple of " +
                             "it; Derive's also with skew shocks, a static discount and a basis contingency, MM 0.8 × the loss plus contingency " +
                             "margin in `addOns.contingency`), plus the chain's liquidation-latency add-on; equity, utilisation, and per underlying the liquidation " +
                             "prices (equity = maintenance margin, others held; solved by Brent's method) and the distance to them. " +
                             "422 when market data is missing or the model has no rule for a position (e.g. options under dYdX, SOL under Derive's BTC/ETH portfolio margin)." +
                             CpuBudgetDocs.Sentence("the book's positions × the model's scenario grid, liquidation prices included"))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        risk.MapGet("/margin/models", Models)
            .RequireAuthorization(AuthNames.ReadPolicy)
            .WithName("ListMarginModels")
            .WithSummary("The configured margin models with their parameters and sources")
            .WithDescription("From `Margin:Models`: each model's kind, venue, parameters, source URLs with the date read, and the readings chosen where the venue's documentation is ambiguous.");
        risk.MapPost("/margin/compare", CompareAsync)
            .RequireAuthorization(AuthNames.ReadPolicy)
            .WithName("CompareMargin")
            .WithSummary("One portfolio's margin under every model and chain")
            .WithDescription("One row per model × chain (default: all configured), with the ratio of each row's maintenance margin to the most " +
                             "lenient supported row's. A model that cannot margin the book gives a row saying why." +
                             CpuBudgetDocs.Sentence("the positions × every model's grid, and models × chains × the add-on's revaluations"))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        risk.MapPost("/margin/backtest", BacktestAsync)
            .RequireAuthorization(AuthNames.ReadPolicy)
            .WithName("BacktestMargin")
            .WithSummary("How often each model's maintenance margin would not have covered the loss over the chain's liquidation window")
            .WithDescription("The book as it stands at `asOf`, margined once per model (with the chain's add-on unless `includeLatencyAddOn` " +
                             "is false), is moved by every historical window's close-to-close log returns of its underlyings (windows of " +
                             "`windowDays` days of the indexed daily closes from `from` to `asOf`, aligned on common dates) stretched by " +
                             "√((h·86,400 + τ) / (h·86,400)) for the chain's τ, fully revalued (vols held). Breach frequency and worst " +
                             "shortfall per model and chain, against the confidence the model claims. Instead of a portfolio, `standardBook` " +
                             "backtests a standard book built at `asOf`: a short strangle at ±25 delta, a short perp, or a covered call " +
                             "(strikes solved for the forward delta on the pricing surface's smile; the positions built are in the response)." +
                             CpuBudgetDocs.Sentence("models × chains × the days from `from` to `asOf` × the book's positions"))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return risk;
    }

    public static async Task<Results<Ok<MarginResponse>, ValidationProblem, ProblemHttpResult>> RunAsync(
        MarginRequest request, [AsParameters] MarginServices services, CancellationToken cancellationToken)
    {
        var (models, chains) = (services.Models, services.Chains);
        var errors = new FieldErrors();
        var asOf = AsOf(request.AsOf, errors, services);
        MarginModel? model = null;
        if (string.IsNullOrWhiteSpace(request.Model)) errors.Add("model", $"is required: one of {string.Join(", ", models.All.Select(m => m.Id))}.");
        else if ((model = models.Find(request.Model)) is null) errors.Add("model", $"'{request.Model}' is not a configured model: {string.Join(", ", models.All.Select(m => m.Id))}.");
        ChainProfile? chain = null;
        if (request.Chain is not null && (chain = chains.Find(request.Chain.Trim().ToLowerInvariant())) is null)
            errors.Add("chain", $"'{request.Chain}' is not a configured chain: {string.Join(", ", chains.All.Select(c => c.Id))}.");
        var latency = errors.Range("liquidationLatencySeconds", request.LiquidationLatencySeconds, 0, 86_400, "seconds");
        var (book, invalid, problem) = await ResolveAsync(new(request.PortfolioId, request.Version, request.Positions, request.Collateral),
            errors, "Margin cannot be computed as asked", asOf, b => RiskCosts.Margin(b, model!), services, cancellationToken);
        if (invalid is not null) return invalid;
        if (problem is not null) return problem;
        var (definition, stored, context) = book!;
        if (Unsupported(model!, context) is { } why)
            return Problems.ForField(StatusCodes.Status422UnprocessableEntity, "The model cannot margin this book", why, "model");

        chain ??= DefaultChain(definition, chains);
        if (latency is { } l) chain = chain.Value.WithOverrides(liquidationLatencySeconds: l);
        var settings = models.Settings;
        double horizon = Horizon(chain.Value, settings);
        cancellationToken.ThrowIfCancellationRequested(); // the grid itself is small (positions × scenarios): not interrupted inside
        var result = MarginAnalysis.Run(model!, context.Book, context.DailyVols, horizon, settings.AddOnConfidence, solveLiquidation: true);
        AnalyticsMetrics.MarginRuns.Add(1, new("model", model!.Id), new("endpoint", "margin"));
        return TypedResults.Ok(Response(asOf, model!, chain.Value, horizon, settings, result, definition, context, stored));
    }

    private static Ok<IReadOnlyList<MarginModelResponse>> Models(MarginModels models) =>
        TypedResults.Ok<IReadOnlyList<MarginModelResponse>>([.. models.All.Select(MarginModelResponse.Of)]);

    public static async Task<Results<Ok<MarginCompareResponse>, ValidationProblem, ProblemHttpResult>> CompareAsync(
        MarginCompareRequest request, [AsParameters] MarginServices services, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var asOf = AsOf(request.AsOf, errors, services);
        var chosenModels = ChooseModels(request.Models, services.Models, errors);
        var chosenChains = ChooseChains(request.Chains, services.Chains, errors);
        var (book, invalid, problem) = await ResolveAsync(new(request.PortfolioId, request.Version, request.Positions, request.Collateral),
            errors, "Margins cannot be compared as asked", asOf, b => RiskCosts.Compare(b, chosenModels, chosenChains.Count), services, cancellationToken);
        if (invalid is not null) return invalid;
        if (problem is not null) return problem;
        var context = book!.Context;

        var settings = services.Models.Settings;
        var rows = new List<MarginCompareRow>();
        double equity = context.Book.Equity(None);
        foreach (var (model, margin, why) in Evaluate(chosenModels, context, "compare"))
        {
            foreach (var chain in chosenChains)
            {
                if (margin is null)
                {
                    rows.Add(new MarginCompareRow(Ref(model), chain.Id, null, null, null, null, null, null, why));
                    continue;
                }

                double addOn = AddOnUsd(context, chain, settings);
                double mm = margin.MaintenanceMarginUsd + addOn;
                rows.Add(new MarginCompareRow(Ref(model), chain.Id, margin.InitialMarginUsd + addOn, mm, margin.MaintenanceMarginUsd, addOn, null,
                    equity > 0 ? mm / equity : null, null));
            }
        }

        var lenient = rows.Where(r => r.MaintenanceMargin > 0).Select(r => r.MaintenanceMargin!.Value).DefaultIfEmpty(0).Min();
        rows = [.. rows.Select(r => r with { RatioToMostLenient = r.MaintenanceMargin is { } mm && lenient > 0 ? mm / lenient : null })];
        return TypedResults.Ok(new MarginCompareResponse(asOf, equity, rows, VarEndpoint.Inputs(context.Inputs, book.Stored)));
    }

    public static async Task<Results<Ok<MarginBacktestResponse>, ValidationProblem, ProblemHttpResult>> BacktestAsync(
        MarginBacktestRequest request, [AsParameters] MarginServices services, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var asOf = AsOf(request.AsOf, errors, services);
        var chosenModels = ChooseModels(request.Models, services.Models, errors);
        var chosenChains = ChooseChains(request.Chains, services.Chains, errors);
        int windowDays = request.WindowDays ?? 1;
        if (windowDays is < 1 or > MaxWindowDays) errors.Add("windowDays", $"must be 1–{MaxWindowDays} days; got {windowDays}.");
        var from = request.From ?? DateOnly.FromDateTime(asOf.UtcDateTime).AddDays(-DefaultHistoryDays);
        if (from < new DateOnly(2000, 1, 1) || from >= DateOnly.FromDateTime(asOf.UtcDateTime))
            errors.Add("from", $"must be from 2000-01-01 and before asOf's day ({asOf:yyyy-MM-dd}); got {from:yyyy-MM-dd}.");
        // At most one window a day from `from` to asOf's day (the closes may have gaps: fewer windows, never more).
        int windows = DateOnly.FromDateTime(asOf.UtcDateTime).DayNumber - from.DayNumber;
        var positions = request.Positions;
        StandardBookResponse? standard = null;
        if (request.StandardBook is { } standardRequest)
        {
            if (request.PortfolioId is not null || request.Positions is not null || request.Collateral is not null)
                errors.Add("standardBook", "give either standardBook or portfolioId or inline positions and collateral, not several.");
            var spec = StandardBooks.Validate(standardRequest, errors);
            if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The margin backtest cannot be run as asked");
            var (built, missingData) = await StandardBooks.BuildAsync(spec!.Value, asOf, chosenChains.FirstOrDefault().Id ?? "ethereum", services.Market,
                services.Surfaces.CurrentValue.DefaultSurfaceModel, cancellationToken);
            if (built is null) return RiskBookResolver.MissingProblem(missingData);
            (standard, positions) = (built, [.. built.Positions]);
        }

        var (book, invalid, problem) = await ResolveAsync(new(request.PortfolioId, request.Version, positions, request.Collateral),
            errors, "The margin backtest cannot be run as asked", asOf, b => RiskCosts.Backtest(b, chosenModels, chosenChains.Count, windows), services, cancellationToken);
        if (invalid is not null) return invalid;
        if (problem is not null) return problem;
        var context = book!.Context;
        var (returns, sources, lacking) = await services.Service.HistoryAsync(context, from, asOf, windowDays, cancellationToken);
        if (returns is null) return RiskBookResolver.MissingProblem([lacking!]);

        var settings = services.Models.Settings;
        bool withAddOn = request.IncludeLatencyAddOn ?? true;
        var rows = new List<MarginBacktestRow>();
        foreach (var (model, margin, why) in Evaluate(chosenModels, context, "backtest"))
        {
            foreach (var chain in chosenChains)
            {
                if (margin is null)
                {
                    rows.Add(new MarginBacktestRow(Ref(model), chain.Id, null, 0, 0, null, model.ClaimedConfidence, 1 - model.ClaimedConfidence, null, null, null, null, why));
                    continue;
                }

                double horizon = Horizon(chain, settings);
                double held = margin.MaintenanceMarginUsd + (withAddOn ? AddOnUsd(context, chain, settings) : 0.0);
                var outcome = MarginAdequacyBacktest.Run(context.Book, returns, held, horizon);
                rows.Add(new MarginBacktestRow(Ref(model), chain.Id, held, outcome.Windows, outcome.Breaches, outcome.BreachFrequency, model.ClaimedConfidence,
                    1 - model.ClaimedConfidence, outcome.WorstShortfallUsd, outcome.WorstLossUsd, outcome.WorstWindowEnd, outcome.ReturnStretch, null));
            }
        }

        return TypedResults.Ok(new MarginBacktestResponse(asOf, windowDays,
            $"{windowDays}-day close-to-close log returns of the indexed daily closes, each stretched by √((h·86,400 + τ)/(h·86,400)) for the chain's τ; " +
            "full revaluation of the book as at asOf (vols held); a breach is a window whose loss exceeds the maintenance margin held" +
            (withAddOn ? " (with the chain's liquidation-latency add-on)." : " (without add-ons)."),
            returns.EndDates.IsEmpty ? null : returns.EndDates[0], returns.EndDates.IsEmpty ? null : returns.EndDates[^1], sources, rows,
            VarEndpoint.Inputs(context.Inputs, book.Stored), standard));
    }

    /// <summary>The request's <c>asOf</c> (a field error when malformed), else now.</summary>
    private static DateTimeOffset AsOf(DateTimeOffset? requested, FieldErrors errors, MarginServices services) =>
        errors.Instant("asOf", requested) is { } at ? new DateTimeOffset(at) : services.Time.GetUtcNow();

    /// <summary>
    /// The book of a margin request, in the order every margin endpoint answers: field errors (400), the stored portfolio
    /// (404) or inline references (422), the CPU budget (413/429, before any market data is read), then the market
    /// snapshot at <paramref name="asOf"/> (422 naming what is missing).
    /// </summary>
    private static async Task<(ResolvedBook? Book, ValidationProblem? Invalid, ProblemHttpResult? Problem)> ResolveAsync(BookFields fields, FieldErrors errors,
        string title, DateTimeOffset asOf, Func<RiskBook, CpuEstimate> cost, MarginServices services, CancellationToken cancellationToken)
    {
        var (definition, stored, invalid, problem) = await RiskBookResolver.ResolveAsync(fields.PortfolioId, fields.Version, fields.Positions, fields.Collateral,
            errors, title, services.Db, services.Portfolios, services.Chains, cancellationToken);
        if (invalid is not null || problem is not null) return (null, invalid, problem);
        if (services.Cpu.Admit(services.Http, cost(RiskBookResolver.BookOf(definition!))) is { } overBudget) return (null, null, overBudget);
        var (context, missing) = await PrepareAsync(services.Service, services.Models, definition!, asOf, services.Surfaces, cancellationToken);
        return context is null ? (null, null, RiskBookResolver.MissingProblem(missing)) : (new ResolvedBook(definition!, stored, context), null, null);
    }

    /// <summary>Each model's margin of the book (counted in the margin-runs metric under <paramref name="endpoint"/>), or why it has none.</summary>
    private static IEnumerable<(MarginModel Model, MarginResult? Margin, string? Why)> Evaluate(IReadOnlyList<MarginModel> models, MarginContext context, string endpoint)
    {
        foreach (var model in models)
        {
            var why = Unsupported(model, context);
            var margin = why is null ? MarginCalculator.Evaluate(model, context.Book, None) : null;
            if (margin is not null) AnalyticsMetrics.MarginRuns.Add(1, new("model", model.Id), new("endpoint", endpoint));
            yield return (model, margin, why);
        }
    }

    /// <summary>The chain's liquidation-latency add-on for the book, USD (summed over underlyings).</summary>
    private static double AddOnUsd(MarginContext context, ChainProfile chain, MarginOptions settings) =>
        MarginAnalysis.AddOns(context.Book, context.DailyVols, Horizon(chain, settings), settings.AddOnConfidence, None).Values.Sum(a => a.LossUsd);

    private static async Task<(MarginContext? Context, ImmutableArray<MissingMarketData> Missing)> PrepareAsync(MarginService service, MarginModels models,
        PortfolioDefinition definition, DateTimeOffset asOf, IOptionsMonitor<SurfacesOptions> surfaces, CancellationToken cancellationToken)
    {
        var offsets = definition.Positions.Select(p => p.Kind == RiskInstrumentKind.Perpetual && p.EntryPrice is { } entry ? -p.Quantity * entry : 0.0).ToArray();
        return await service.PrepareAsync(RiskBookResolver.BookOf(definition), offsets, asOf, surfaces.CurrentValue.DefaultSurfaceModel, models.Settings, cancellationToken);
    }

    private static string? Unsupported(MarginModel model, MarginContext context) =>
        MarginCalculator.Uncovered(model, context.Book) is { IsEmpty: false } lacking
            ? $"Model {model.Id} ({model.Venue}) has no rule for: {string.Join(", ", lacking.Select(l => $"{l.Underlying} {l.Instrument}"))}."
            : null;

    private static double Horizon(ChainProfile chain, MarginOptions settings) =>
        LiquidationLatency.HorizonSeconds(chain.LiquidationLatencySeconds, chain.BlockTimeSeconds, settings.OracleHeartbeatSeconds);

    /// <summary>The chain every position names, else Ethereum L1 (else the first configured).</summary>
    private static ChainProfile DefaultChain(PortfolioDefinition definition, ChainProfiles chains)
    {
        var named = definition.Positions.Select(p => p.Chain).Distinct().ToList();
        return (named is [{ } only] ? chains.Find(only) : null) ?? chains.Find("ethereum") ?? chains.All[0];
    }

    private static List<MarginModel> ChooseModels(IReadOnlyList<string?>? ids, MarginModels models, FieldErrors errors)
    {
        if (ids is null) return [.. models.All];
        if (ids.Count is 0 or > MaxListed) errors.Add("models", $"give 1–{MaxListed} model ids, or leave it out for all.");
        var chosen = new List<MarginModel>();
        for (int i = 0; i < ids.Count && i < MaxListed; i++)
        {
            if (ids[i] is { } id && models.Find(id) is { } m) { if (!chosen.Contains(m)) chosen.Add(m); }
            else errors.Add($"models[{i}]", $"'{ids[i]}' is not a configured model: {string.Join(", ", models.All.Select(x => x.Id))}.");
        }

        return chosen;
    }

    private static List<ChainProfile> ChooseChains(IReadOnlyList<string?>? ids, ChainProfiles chains, FieldErrors errors)
    {
        if (ids is null) return [.. chains.All];
        if (ids.Count is 0 or > MaxListed) errors.Add("chains", $"give 1–{MaxListed} chain ids, or leave it out for all.");
        var chosen = new List<ChainProfile>();
        for (int i = 0; i < ids.Count && i < MaxListed; i++)
        {
            if (ids[i] is { } id && chains.Find(id.Trim().ToLowerInvariant()) is { } c) { if (!chosen.Contains(c)) chosen.Add(c); }
            else errors.Add($"chains[{i}]", $"'{ids[i]}' is not a configured chain: {string.Join(", ", chains.All.Select(x => x.Id))}.");
        }

        return chosen;
    }

    private static MarginModelRef Ref(MarginModel model) => new(model.Id, model.Kind, model.Venue);

    private static MarginResponse Response(DateTimeOffset asOf, MarginModel model, ChainProfile chain, double horizon, MarginOptions settings,
        MarginAnalysisResult result, PortfolioDefinition definition, MarginContext context, (long Id, int Version)? stored)
    {
        var book = context.Book;
        var values = new double[book.Positions.Length];
        book.Value(None, null, values);
        double collateral = book.DollarCollateralUsd + values.Skip(book.HeldCount).Sum();
        var worst = result.Model.WorstScenarios.IsEmpty ? null : new MarginWorstScenarioResponse(result.Model.WorstScenarios.Sum(w => w.LossUsd),
            result.Model.WorstScenarios.ToDictionary(w => w.Underlying, w => new MarginScenarioMoveResponse(w.SpotMove, w.VolShock, w.Extended, w.LossUsd)));
        var addOn = new LiquidationLatencyAddOnResponse(result.AddOnUsd,
            result.Model.MaintenanceMarginUsd > 0 ? result.AddOnUsd / result.Model.MaintenanceMarginUsd : null, horizon, settings.AddOnConfidence, AddOnFormula,
            result.AddOns.ToDictionary(a => a.Key, a => new LiquidationLatencyUnderlyingResponse(a.Value.DailyVol, a.Value.WindowVol, a.Value.MoveBound,
                a.Value.DollarDelta, a.Value.DollarGamma, a.Value.LossUsd)));
        var positions = result.Model.Positions.Select((p, i) => new MarginPositionResponse(i, definition.Positions[i].Kind == RiskInstrumentKind.Perpetual ? "perp" : definition.Positions[i].Kind.ToString().ToLowerInvariant(),
            definition.Positions[i].Underlying, p.ValueUsd, p.InitialMarginUsd, p.MaintenanceMarginUsd, p.WorstScenarioLossUsd)).ToList();
        return new MarginResponse(asOf, Ref(model),
            new MarginChainResponse(chain.Id, chain.Name, chain.LiquidationLatencySeconds, chain.BlockTimeSeconds, settings.OracleHeartbeatSeconds, horizon),
            result.InitialMarginUsd, result.MaintenanceMarginUsd, result.Model.InitialMarginUsd, result.Model.MaintenanceMarginUsd, worst,
            new MarginAddOnsResponse(addOn, Contingency(result.Model)), positions, collateral, result.EquityUsd, result.Utilisation,
            result.Liquidation.ToDictionary(l => l.Key, l => new MarginDistanceResponse(100 * l.Value.NearestMove, l.Value.NearestMoveInWindowSigmas)),
            result.Liquidation.ToDictionary(l => l.Key, l => new MarginLiquidationPriceResponse(l.Value.DownPriceUsd, l.Value.UpPriceUsd, l.Value.LiquidatableNow)),
            model.Assumptions, VarEndpoint.Inputs(context.Inputs, stored));
    }

    private static MarginContingencyResponse? Contingency(MarginResult margin) => margin.Contingencies.IsEmpty ? null
        : new MarginContingencyResponse(margin.Contingencies.Sum(c => c.MaintenanceUsd), margin.Contingencies.Sum(c => c.InitialExtraUsd),
            margin.Contingencies.ToDictionary(c => c.Underlying, c => new MarginContingencyAmountResponse(c.MaintenanceUsd, c.InitialExtraUsd)));
}

/// <summary>The services every margin endpoint reads, bound by <c>[AsParameters]</c>.</summary>
internal readonly record struct MarginServices(
    AnalyticsDbContext Db, PortfolioStore Portfolios, MarginService Service, MarginModels Models, ChainProfiles Chains,
    IOptionsMonitor<SurfacesOptions> Surfaces, TimeProvider Time, HttpContext Http, CpuBudget Cpu, MarketSnapshotService Market);

/// <summary>A margin request's choice of book: a stored portfolio (and version) or inline positions and collateral.</summary>
internal readonly record struct BookFields(
    long? PortfolioId, int? Version, IReadOnlyList<PortfolioPositionRequest?>? Positions, IReadOnlyList<CollateralRequest?>? Collateral);

/// <summary>A resolved margin book: its definition, the stored portfolio it came from (if any), and its market snapshot.</summary>
internal sealed record ResolvedBook(PortfolioDefinition Definition, (long Id, int Version)? Stored, MarginContext Context);
