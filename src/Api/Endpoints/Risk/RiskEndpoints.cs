using Analytics.Api.Auth;
using Analytics.Api.Contracts.Risk;
using Analytics.Api.Endpoints.Costs;
using Analytics.Api.Errors;
using Analytics.Api.Options;
using Analytics.Data;
using Analytics.Data.Portfolios;
using Analytics.Data.Risk;
using Analytics.Pricing.Risk.Backtesting;
using Analytics.Pricing.Risk.Stress;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Analytics.Api.Endpoints.Risk;

/// <summary>Market risk: <c>/api/v1/risk</c> (API.md, "Portfolios, risk and margin").</summary>
public static class RiskEndpoints
{
    /// <summary>Most days one backtest accepts.</summary>
    public const int MaxBacktestDays = 100_000;

    public static RouteGroupBuilder MapRiskEndpoints(this RouteGroupBuilder api)
    {
        var risk = api.MapGroup("/risk").WithTags("Risk");
        risk.MapPost("/backtest", BacktestAsync)
            .RequireAuthorization(AuthNames.ReadPolicy)
            .WithName("BacktestVar")
            .WithSummary("Backtest a VaR series against realised P&L")
            .WithDescription("Kupiec's proportion-of-failures test, Christoffersen's independence and conditional-coverage tests (χ² " +
                             "p-values, accept or reject at `testLevel`) and the Basel traffic light. Day t is an exception when its " +
                             "loss −pnl[t] exceeds var[t]. Degenerate series have finite answers: with no exception LR_pof = −2T·ln(confidence) " +
                             "and LR_ind = 0; with exceptions every day LR_pof = −2T·ln(1 − confidence) and LR_ind = 0. " +
                             "With `portfolioId`, `from` and `to`: the stored VaR runs of the portfolio, per UTC day the last one-day run at " +
                             "`confidence`, against the realised P&L of the version each run valued from that day's close to the next " +
                             "(the run's market moved by the indexed close-to-close returns, one day of decay); `pairs` lists what was " +
                             "tested and `skipped` every other day with the reason; 422 when no day can be tested." +
                             CpuBudgetDocs.Sentence("with `portfolioId`, the days from `from` to `to` × the portfolio's positions"))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        risk.MapPost("/var", VarEndpoint.RunAsync)
            .RequireAuthorization(AuthNames.ReadPolicy)
            .WithName("ComputeVar")
            .WithSummary("VaR and expected shortfall of a portfolio")
            .WithDescription("Of a stored portfolio (`portfolioId`, optional `version`) or inline `positions` and `collateral`, at `asOf` " +
                             "(default now): the latest price of each underlying at or before it, option vols from the surface pricing " +
                             "would use (published, `Surfaces:DefaultModel`, as-of at or before `asOf`) held at each strike (sticky strike), " +
                             "coin collateral revalued like spot; carry per underlying from `carry`, else " +
                             "`Risk:Carry` (the configured perp's funding over the look-back ending at `asOf`; without enough indexed " +
                             "funding, rates carry at the configured rate, said in `inputs.carry`). Every run is stored: " +
                             "`GET /api/v1/risk/var/{id}` reads it back. `historical`: full revaluation over the daily log returns of the " +
                             "indexed closes (one source per underlying: the latest price's) over `lookbackDays`, aligned on common dates; " +
                             "`parametric`: delta-normal; `delta-gamma`: Cornish–Fisher; `monte-carlo`: correlated lognormal paths, full " +
                             "revaluation, standard errors. VaR and ES are positive USD losses; contributions sum to them. 422 names " +
                             "missing market data; `GET /api/v1/risk/var/{id}.svg` draws the P&L histogram." +
                             CpuBudgetDocs.Sentence("the scenarios (Monte Carlo `paths`, `lookbackDays` of history, or the parametric " +
                                                    "methods' spot bumps) × the book's positions, each by its revaluation cost (European " +
                                                    "option, American option, linear)"))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        risk.MapGet("/var/{id}.svg", VarEndpoint.PictureAsync)
            .RequireAuthorization(AuthNames.ReadPolicy)
            .WithName("GetVarHistogramSvg")
            .WithSummary("Picture of a VaR run's P&L distribution (SVG)")
            .WithDescription("The histogram of the scenario P&L with the VaR and ES lines. Every run is stored, so any node draws it after a restart.")
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml")
            .ProducesProblem(StatusCodes.Status404NotFound);
        risk.MapGet("/var/{id}", VarEndpoint.GetAsync)
            .RequireAuthorization(AuthNames.ReadPolicy)
            .WithName("GetVarRun")
            .WithSummary("A stored VaR run")
            .WithDescription("The response `POST /api/v1/risk/var` gave, read back from storage (every run is stored).")
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml")
            .ProducesProblem(StatusCodes.Status404NotFound);
        risk.MapPost("/stress", StressEndpoint.RunAsync)
            .RequireAuthorization(AuthNames.ReadPolicy)
            .WithName("StressTest")
            .WithSummary("Stress a portfolio under named historical or user-defined scenarios")
            .WithDescription("Of a stored portfolio or inline positions, valued as `POST /risk/var` values them, then fully revalued " +
                             "under each scenario: a named one moves each underlying by its close-to-close return over the scenario's " +
                             "window in the indexed daily history (the latest price's source) when both closes are stored, else by the " +
                             "catalogue's reference move (Binance closes), with the catalogue's vol shift; user-defined ones apply their " +
                             "moves. Loss per scenario, per position and on coin collateral; every move says where it came from. 422 " +
                             "names missing market data." + CpuBudgetDocs.Sentence("the scenarios × the book's positions"))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        risk.MapGet("/stress/scenarios", Scenarios)
            .RequireAuthorization(AuthNames.ReadPolicy)
            .WithName("ListStressScenarios")
            .WithSummary("The named historical stress scenarios")
            .WithDescription("Each with its close-to-close window, reference spot moves and their source, and the vol shift with its reason. " +
                             "A stress test measures the spot moves from the indexed daily history when it has both closes.");
        risk.MapMarginEndpoints();
        return api;
    }

    /// <summary>Most days one backtest over stored runs spans.</summary>
    public const int MaxStoredBacktestDays = 3660;

    private static async Task<Results<Ok<RiskBacktestResponse>, ValidationProblem, ProblemHttpResult>> BacktestAsync(
        RiskBacktestRequest request, AnalyticsDbContext db, PortfolioStore portfolios, StoredVarBacktest stored,
        IOptionsMonitor<SurfacesOptions> surfaces, HttpContext http, CpuBudget cpu, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var confidence = errors.Range("confidence", request.Confidence, 0.5, 1, "probability, exclusive", minExclusive: true) ?? 0.99;
        var testLevel = errors.Range("testLevel", request.TestLevel, 0.5, 1, "probability, exclusive", minExclusive: true) ?? 0.95;
        if (request.Confidence is 1.0) errors.Add("confidence", "must be below 1.");
        if (request.TestLevel is 1.0) errors.Add("testLevel", "must be below 1.");
        const string Title = "The backtest cannot be run as given";
        if (request.PortfolioId is { } portfolioId)
        {
            if (request.Var is not null || request.Pnl is not null) errors.Add("portfolioId", "give either portfolioId, from and to, or var and pnl, not both.");
            if (request.From is null) errors.Add("from", "is required with portfolioId: a UTC date.");
            if (request.To is null) errors.Add("to", "is required with portfolioId: a UTC date.");
            if (request.From is { } f && request.To is { } t && (t < f || t.DayNumber - f.DayNumber >= MaxStoredBacktestDays))
                errors.Add("to", $"must be on or after `from` and at most {MaxStoredBacktestDays - 1} days after it.");
            if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary(), title: Title);
            if (await portfolios.FindAsync(db, portfolioId, null, cancellationToken, includeDeleted: true) is not { } portfolio)
                return Problems.ForField(StatusCodes.Status404NotFound, "No such portfolio", $"There is no portfolio {portfolioId}.", "portfolioId");
            int span = request.To!.Value.DayNumber - request.From!.Value.DayNumber + 1;
            if (cpu.Admit(http, RiskCosts.StoredBacktest(RiskBook.Of(portfolio.Definition), span)) is { } overBudget) return overBudget;

            var days = await stored.DaysAsync(portfolioId, request.From!.Value, request.To!.Value, confidence, surfaces.CurrentValue.DefaultSurfaceModel, null, cancellationToken);
            var pairs = days.Where(d => d.SkipReason is null).ToList();
            var skipped = days.Where(d => d.SkipReason is not null).Select(d => new BacktestSkippedDayResponse(d.Day, d.RunId, d.SkipReason!)).ToList();
            if (pairs.Count == 0)
                return Problems.WithErrors(StatusCodes.Status422UnprocessableEntity, "Nothing to backtest",
                    $"No day from {request.From:yyyy-MM-dd} to {request.To:yyyy-MM-dd} has both a stored one-day VaR run of portfolio {portfolioId} at confidence {confidence} and the next day's closes.",
                    new Dictionary<string, string[]> { ["portfolioId"] = [.. skipped.Take(20).Select(s => $"{s.Day:yyyy-MM-dd}: {s.Reason}")] });
            var response = Evaluate([.. pairs.Select(p => p.ValueAtRisk!.Value)], [.. pairs.Select(p => p.ProfitAndLoss!.Value)], confidence, testLevel);
            return TypedResults.Ok(response with
            {
                Pairs = [.. pairs.Select(p => new BacktestPairResponse(p.Day, p.RunId!, p.ValueAtRisk!.Value, p.ProfitAndLoss!.Value, -p.ProfitAndLoss.Value > p.ValueAtRisk.Value))],
                Skipped = skipped,
            });
        }

        if (request.From is not null || request.To is not null) errors.Add(request.From is not null ? "from" : "to", "needs portfolioId.");
        var var = Series(errors, "var", request.Var, nonNegative: true);
        var pnl = Series(errors, "pnl", request.Pnl, nonNegative: false);
        if (var is not null && pnl is not null && var.Count != pnl.Count)
            errors.Add("pnl", $"must have one value per day of `var` ({var.Count}); got {pnl.Count}.");
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary(), title: Title);
        return TypedResults.Ok(Evaluate(var!, pnl!, confidence, testLevel));
    }

    private static RiskBacktestResponse Evaluate(IReadOnlyList<double> var, IReadOnlyList<double> pnl, double confidence, double testLevel)
    {
        var exceedances = var.Select((v, t) => -pnl[t] > v).ToArray();
        var result = VarBacktest.Evaluate(exceedances, confidence, testLevel);
        var n = result.Transitions;
        var light = result.TrafficLight;
        return new RiskBacktestResponse(confidence, testLevel,
            new KupiecResponse(result.ProportionOfFailures.Statistic, result.ProportionOfFailures.PValue, result.Exceptions, result.Observations,
                result.ExpectedExceptions, Decision(result.ProportionOfFailures)),
            new ChristoffersenResponse(result.Independence.Statistic, result.Independence.PValue, Decision(result.Independence), n.N00, n.N01, n.N10, n.N11),
            Test(result.ConditionalCoverage),
            new TrafficLightResponse(light.Zone.ToString().ToLowerInvariant(), light.Exceptions, light.Observations, light.CumulativeProbability, light.PlusFactor),
            [.. exceedances.Select((e, t) => (e, t)).Where(x => x.e).Select(x => x.t)]);
    }

    private static Ok<IReadOnlyList<StressScenarioResponse>> Scenarios() =>
        TypedResults.Ok<IReadOnlyList<StressScenarioResponse>>([.. HistoricalStressScenarios.All.Values.Select(s => new StressScenarioResponse(
            s.Name, s.Description, s.FromClose, s.ToClose, s.ReferenceSpotMoves, s.ReferenceSource, s.DefaultVolShift, s.VolSource))]);

    private static IReadOnlyList<double>? Series(FieldErrors errors, string field, IReadOnlyList<double>? values, bool nonNegative)
    {
        if (values is null or { Count: 0 })
        {
            errors.Add(field, "is required: one value per day, at least one day.");
            return null;
        }

        if (values.Count > MaxBacktestDays)
        {
            errors.Add(field, $"has {values.Count} days; at most {MaxBacktestDays} are accepted.");
            return null;
        }

        for (int i = 0; i < values.Count; i++)
        {
            double v = values[i];
            if (!double.IsFinite(v) || Math.Abs(v) > 1e15 || (v != 0 && Math.Abs(v) < 1e-300) || (nonNegative && v < 0))
            {
                errors.Add($"{field}[{i}]", nonNegative
                    ? $"must be a loss figure ≥ 0 and ≤ 1e15 USD (not subnormal); got {v}."
                    : $"must be a finite P&L with |value| ≤ 1e15 USD (not subnormal); got {v}.");
                return null;
            }
        }

        return values;
    }

    private static LikelihoodRatioResponse Test(LikelihoodRatioTest t) => new(t.Statistic, t.DegreesOfFreedom, t.PValue, Decision(t));

    private static string Decision(LikelihoodRatioTest t) => t.Rejected ? "reject" : "accept";
}
