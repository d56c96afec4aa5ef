using System.Collections.Immutable;
using Analytics.Api.Contracts.Risk;
using Analytics.Api.Endpoints.Costs;
using Analytics.Api.Errors;
using Analytics.Api.Options;
using Analytics.Api.Rendering;
using Analytics.Data;
using Analytics.Data.Portfolios;
using Analytics.Data.Risk;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Analytics.Api.Endpoints.Risk;

/// <summary><c>POST /api/v1/risk/var</c> and <c>GET /api/v1/risk/var/{id}.svg</c>.</summary>
internal static class VarEndpoint
{
    private const int MaxHorizonDays = 250, MaxLookbackDays = 3650, MinPaths = 100, MaxPaths = 200_000;

    public static async Task<Results<Ok<VarResponse>, ValidationProblem, ProblemHttpResult>> RunAsync(
        VarRequest request, AnalyticsDbContext db, PortfolioStore portfolios, VarService service, ChainProfiles chains, VarRunStore runs,
        IOptionsMonitor<SurfacesOptions> surfaces, IOptionsMonitor<RiskOptions> risk, TimeProvider time, HttpContext context, CpuBudget cpu,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var spec = Specification(request, errors);
        var carry = CarryRequests.Parse(request.Carry, risk.CurrentValue.Defaults, errors);
        var asOf = errors.Instant("asOf", request.AsOf) is { } at ? new DateTimeOffset(at) : time.GetUtcNow();
        var (definition, stored, invalid, problem) = await RiskBookResolver.ResolveAsync(request.PortfolioId, request.Version, request.Positions,
            request.Collateral, errors, "VaR cannot be computed as asked", db, portfolios, chains, cancellationToken);
        if (invalid is not null) return invalid;
        if (problem is not null) return problem;
        var book = RiskBookResolver.BookOf(definition!);
        CarryRequests.CheckHeld(carry, book, errors);
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary(), title: "VaR cannot be computed as asked");
        if (cpu.Admit(context, RiskCosts.Var(book, spec!, VarHistogramChart.Method(spec!.Method))) is { } overBudget) return overBudget;

        var outcome = await service.RunAsync(book, spec!, asOf, surfaces.CurrentValue.DefaultSurfaceModel, carry, cancellationToken);
        if (outcome.Run is not { } run) return RiskBookResolver.MissingProblem(outcome.Missing);

        var saved = await runs.AddAsync(db, run, stored, Labels(definition!), definition!.Positions.Length, time.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(Response(saved));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PictureAsync(string id, AnalyticsDbContext db, VarRunStore runs, CancellationToken cancellationToken) =>
        await FindAsync(id, db, runs, cancellationToken) is { } saved
            ? TypedResults.File(VarHistogramChart.Svg(saved.Run, saved.Id), "image/svg+xml")
            : NotFound(id);

    public static async Task<Results<Ok<VarResponse>, ProblemHttpResult>> GetAsync(string id, AnalyticsDbContext db, VarRunStore runs, CancellationToken cancellationToken) =>
        await FindAsync(id, db, runs, cancellationToken) is { } saved ? TypedResults.Ok(Response(saved)) : NotFound(id);

    private static async Task<StoredVarRun?> FindAsync(string id, AnalyticsDbContext db, VarRunStore runs, CancellationToken cancellationToken) =>
        id.Length is > 0 and <= 32 ? await runs.FindAsync(db, id, cancellationToken) : null;

    private static ProblemHttpResult NotFound(string id) =>
        Problems.ForField(StatusCodes.Status404NotFound, "No such VaR run", $"There is no stored VaR run '{(id.Length > 40 ? id[..40] + "…" : id)}'.", "id");

    private static VarSpecification? Specification(VarRequest r, FieldErrors errors)
    {
        var method = Choice(errors, "method", r.Method, VarMethod.Historical, ("historical", VarMethod.Historical), ("parametric", VarMethod.Parametric),
            ("delta-gamma", VarMethod.DeltaGamma), ("monte-carlo", VarMethod.MonteCarlo));
        var scaling = Choice(errors, "horizonScaling", r.HorizonScaling, HorizonScaling.Overlapping,
            ("overlapping", HorizonScaling.Overlapping), ("sqrt-time", HorizonScaling.SqrtTime));
        var covariance = Choice(errors, "covariance", r.Covariance, CovarianceEstimator.Sample, ("sample", CovarianceEstimator.Sample), ("ewma", CovarianceEstimator.Ewma));
        var volModel = Choice(errors, "volModel", r.VolModel, VolModel.Held,
            ("held", VolModel.Held), ("sticky-moneyness", VolModel.StickyMoneyness), ("surface-history", VolModel.SurfaceHistory));
        if (volModel == VolModel.SurfaceHistory && method != VarMethod.Historical)
            errors.Add("volModel", "'surface-history' replays the stored surfaces' historical moves: it needs `method: historical`.");

        var confidence = errors.Range("confidence", r.Confidence, 0.5, 0.999999, "probability", minExclusive: true) ?? 0.99;
        var lambda = errors.Range("lambda", r.Lambda, 0, 0.999999, "decay", minExclusive: true) ?? 0.94;
        int horizon = r.HorizonDays ?? 1, lookback = r.LookbackDays ?? 365, paths = r.Paths ?? 10_000;
        if (horizon is < 1 or > MaxHorizonDays) errors.Add("horizonDays", $"must be 1–{MaxHorizonDays} days; got {horizon}.");
        if (lookback is < 2 or > MaxLookbackDays) errors.Add("lookbackDays", $"must be 2–{MaxLookbackDays} days; got {lookback}.");
        if (paths is < MinPaths or > MaxPaths || paths % 2 != 0) errors.Add("paths", $"must be even and {MinPaths}–{MaxPaths}; got {paths}.");
        return errors.IsEmpty ? new VarSpecification(method, confidence, horizon, lookback, scaling, covariance, lambda, paths, r.Seed ?? 1, volModel) : null;
    }

    private static string VolModelId(VolModel model) => model switch
    {
        VolModel.StickyMoneyness => "sticky-moneyness",
        VolModel.SurfaceHistory => "surface-history",
        _ => "held",
    };

    private static T Choice<T>(FieldErrors errors, string field, string? value, T fallback, params (string Id, T Value)[] choices)
    {
        if (value is null) return fallback;
        foreach (var (id, v) in choices)
            if (string.Equals(id, value, StringComparison.OrdinalIgnoreCase)) return v;
        errors.Add(field, $"'{value}' is not one of {string.Join(", ", choices.Select(c => c.Id))}.");
        return fallback;
    }

    /// <summary>A label per contribution: positions in book order, then coin collateral (as <see cref="RiskBook.WithCoinCollateral"/> orders them).</summary>
    private static ImmutableArray<string> Labels(PortfolioDefinition definition)
    {
        var labels = definition.Positions.Select((p, i) => $"{i}: {p.Kind.ToString().ToLowerInvariant()} {p.Underlying}").ToList();
        labels.AddRange(RiskBookResolver.BookOf(definition).Collateral.Where(c => !RiskBook.DollarAssets.Contains(c.Key) && c.Value != 0).Select(c => $"collateral {c.Key}"));
        return [.. labels];
    }

    private static VarResponse Response(StoredVarRun saved)
    {
        var (id, run, labels, held) = (saved.Id, saved.Run, saved.ContributionLabels, saved.HeldPositions);
        (long Id, int Version)? stored = saved.PortfolioId is { } pid ? (pid, saved.PortfolioVersion ?? 0) : null;
        var e = run.Estimate;
        var contributions = e.VarContributions.Select((v, i) => new VarContributionResponse(i < held ? i : null,
            i < labels.Length ? labels[i] : $"#{i}", v, e.ShortfallContributions[i])).ToList();
        var worst = run.ProfitAndLoss.Select((pnl, s) => (pnl, s)).OrderBy(x => x.pnl).ThenBy(x => x.s).Take(10)
            .Select(x => new WorstScenarioResponse(run.ScenarioLabels[x.s], x.pnl)).ToList();
        var inputs = run.Inputs;
        return new VarResponse(id, VarHistogramChart.Method(run.Specification.Method), run.Specification.Confidence, run.Specification.HorizonDays, run.AsOfUtc,
            VolModelId(run.Specification.VolModel),
            e.ValueAtRisk, e.ExpectedShortfall,
            run.StandardError is { } se ? new StandardErrorResponse(se.ValueAtRisk, se.ExpectedShortfall) : null,
            contributions, e.ContributionMethod, run.ScalingNote,
            [.. VarHistogram.Bins(run.ProfitAndLoss, 40).Select(b => new HistogramBinResponse(b.From, b.To, b.Count))],
            worst,
            run.Moments is { } m ? new Dictionary<string, double> { ["skewness"] = m.Skewness, ["excessKurtosis"] = m.ExcessKurtosis } : null,
            Inputs(inputs, stored));
    }

    public static RiskInputsResponse Inputs(RiskInputs inputs, (long Id, int Version)? stored) => new(stored?.Id, stored?.Version,
        inputs.Prices.ToDictionary(p => p.Key, p => new RiskPriceResponse(p.Value.PriceUsd, p.Value.ObservedAtUtc, p.Value.Source)),
        inputs.SurfaceIds, inputs.Carry.ToDictionary(c => c.Key, c => c.Value.CostOfCarry),
        inputs.Carry.ToDictionary(c => c.Key, c => new CarryUsedResponse(c.Value.Source, c.Value.CostOfCarry, c.Value.Rate, c.Value.Venue, c.Value.Market,
            c.Value.WindowFromUtc, c.Value.WindowToUtc, c.Value.Note)),
        inputs.ReturnDays, inputs.DroppedDates, inputs.FirstReturnEnd, inputs.LastReturnEnd,
        inputs.HistorySources);
}
