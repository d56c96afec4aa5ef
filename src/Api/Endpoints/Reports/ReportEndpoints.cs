using System.Collections.Immutable;
using System.Globalization;
using Analytics.Api.Auth;
using Analytics.Api.Contracts.Reports;
using Analytics.Api.Endpoints.Costs;
using Analytics.Api.Errors;
using Analytics.Api.Rendering;
using Analytics.Data;
using Analytics.Data.Reports;
using Analytics.Data.Risk;
using Analytics.Pricing.Surfaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Endpoints.Reports;

/// <summary>Stored risk reports: <c>/api/v1/reports</c> (API.md "Jobs and reports", PRODUCT.md §3.6).</summary>
public static class ReportEndpoints
{
    /// <summary>The sections of the CSV, in order, and their columns (also the endpoint's description).</summary>
    public const string CsvLayout =
        "One table per section, each introduced by a row with the section name in brackets, then a header row, then its rows " +
        "(a name starting with = + - @ gets a leading apostrophe): `[summary]` field, value; `[inputs]` underlying, priceUsd, observedAt, priceSource, surfaceId, surfaceAsOf, historySource, " +
        "costOfCarry, rate; `[var]` method, valueAtRiskUsd, expectedShortfallUsd, varStandardErrorUsd, esStandardErrorUsd, scenarios, note; " +
        "`[stress]` scenario, lossUsd, underlying, spotMove, volShift (one row per underlying); `[margin]` model, venue, kind, chain, initialMarginUsd, " +
        "maintenanceMarginUsd, addOnUsd, equityUsd, utilisation, unsupported; `[liquidation]` model, chain, underlying, downPriceUsd, upPriceUsd, " +
        "liquidatableNow; `[grid]` underlying, spotMove, volShift, pnlUsd; `[backtest]` day, varRunId, valueAtRiskUsd, pnlUsd, exception; " +
        "`[alerts]` raisedAt, level, model, chain, portfolioVersion, utilisation, threshold, equityUsd, maintenanceMarginUsd; " +
        "`[notes]` note; `[timings]` section, milliseconds. Numbers in invariant culture, shortest round-trip form; instants ISO 8601 UTC.";

    public static RouteGroupBuilder MapReportEndpoints(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports");
        reports.MapGet("/", ListAsync)
            .RequireAuthorization(AuthNames.ReadPolicy)
            .WithName("ListReports")
            .WithSummary("Stored risk reports, newest first")
            .WithDescription("Optionally of one `portfolioId`, with an as-of in [from, to). Newest as-of first (then greatest id); `limit` 1–1000 " +
                             "(default 100); follow `nextCursor` for the next page. The `risk-report` job writes them (`Jobs:Recurring`).")
            .ProducesValidationProblem();
        reports.MapGet("/{id}.csv", CsvAsync)
            .RequireAuthorization(AuthNames.ReadPolicy)
            .WithName("GetReportCsv")
            .WithSummary("A stored report as CSV tables")
            .WithDescription(CsvLayout)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        reports.MapGet("/{id}.html", HtmlAsync)
            .RequireAuthorization(AuthNames.ReadPolicy)
            .WithName("GetReportHtml")
            .WithSummary("A stored report as a printable page")
            .WithDescription("For a risk committee, printable on A4: summary table, VaR history against realised P&L with exceptions marked, the " +
                             "P&L histogram with VaR and ES, the margin scenario grid as a heat map, margin under each venue model and chain, " +
                             "stress losses, liquidation prices, alerts, inputs. Self-contained (inline SVG and CSS, no script, font or network), " +
                             "served with a Content-Security-Policy that allows nothing else.")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        reports.MapGet("/{id}", GetAsync)
            .RequireAuthorization(AuthNames.ReadPolicy)
            .WithName("GetReport")
            .WithSummary("A stored risk report")
            .WithDescription("Its inputs (portfolio id, version and content hash, valuation instant, the prices and surfaces used with their " +
                             "instants and ids, carry, parameters, code version), its results (VaR and ES per method, stress losses, margin per " +
                             "model and chain with liquidation prices, the spot × vol grid, the backtest of the stored VaR history) and timings.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        reports.MapPost("/{id}/reproduce", ReproduceAsync)
            .RequireAuthorization(AuthNames.ReadPolicy)
            .WithName("ReproduceReport")
            .WithSummary("Recompute a stored report from its stored inputs and compare")
            .WithDescription("The same portfolio version at the same instant with the same parameters, surface model and carry (Monte Carlo with " +
                             "its stored seed and block structure), compared field by field with tolerance 0. Timings, the code version and the " +
                             "carry's source label are not compared. A difference means the stored data changed since (e.g. prices back-filled " +
                             "before the instant, VaR runs added inside the backtest window) or the code changed. 422 when the inputs can no longer " +
                             "be read." + CpuBudgetDocs.Sentence("the time the report's sections took when it was computed (its stored timings)"))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    private static async Task<Results<Ok<ReportPageResponse>, ValidationProblem>> ListAsync(
        long? portfolioId, DateTimeOffset? from, DateTimeOffset? to, string? cursor, int? limit,
        AnalyticsDbContext db, RiskReportStore store, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (portfolioId is < 1) errors.Add("portfolioId", $"must be a portfolio id (≥ 1); got {portfolioId}.");
        var listing = KeysetListing.Read(from, to, cursor, limit, errors);
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The reports cannot be listed as asked");
        var page = await store.ListAsync(db, portfolioId, listing.FromUtc, listing.ToUtc, listing.After, listing.Limit + 1, cancellationToken);
        var next = page.Count > listing.Limit ? page[listing.Limit - 1] : null;
        return TypedResults.Ok(new ReportPageResponse([.. page.Take(listing.Limit).Select(r => new ReportSummaryResponse(r.Id, r.PortfolioId, r.PortfolioVersion,
                r.AsOfUtc, r.CreatedUtc, r.CodeVersion, Link(r.Id, ".html"), Link(r.Id, ".csv")))],
            KeysetListing.Encode(next is null ? null : (next.AsOfUtc.UtcDateTime, next.Id))));
    }

    private static async Task<Results<Ok<ReportResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string id, AnalyticsDbContext db, RiskReportStore store, CancellationToken cancellationToken)
    {
        var (stored, invalid, missing) = await FindAsync(id, db, store, cancellationToken);
        if (invalid is not null) return invalid;
        if (missing is not null) return missing;
        return TypedResults.Ok(ReportResponse.Of(stored!));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> CsvAsync(
        string id, AnalyticsDbContext db, RiskReportStore store, CancellationToken cancellationToken)
    {
        var (stored, invalid, missing) = await FindAsync(id, db, store, cancellationToken);
        if (invalid is not null) return invalid;
        if (missing is not null) return missing;
        return TypedResults.File(ReportCsv.Write(stored!), "text/csv; charset=utf-8", $"report-{stored!.Id}.csv");
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> HtmlAsync(
        string id, HttpContext http, AnalyticsDbContext db, RiskReportStore store, CancellationToken cancellationToken)
    {
        var (stored, invalid, missing) = await FindAsync(id, db, store, cancellationToken);
        if (invalid is not null) return invalid;
        if (missing is not null) return missing;
        http.Response.Headers.ContentSecurityPolicy = ReportPage.ContentSecurityPolicy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        return TypedResults.Content(ReportPage.Render(stored!), "text/html; charset=utf-8");
    }

    private static async Task<Results<Ok<ReproduceResponse>, ValidationProblem, ProblemHttpResult>> ReproduceAsync(
        string id, AnalyticsDbContext db, RiskReportStore store, RiskReportService service, ReportEnvironment environment, TimeProvider time,
        HttpContext http, CpuBudget cpu, CancellationToken cancellationToken)
    {
        var (stored, invalid, missing) = await FindAsync(id, db, store, cancellationToken);
        if (invalid is not null) return invalid;
        if (missing is not null) return missing;
        var report = stored!.Report;
        if (cpu.Admit(http, RiskCosts.Reproduce(stored.Id, report.Timings)) is { } overBudget) return overBudget;
        var inputs = report.Inputs;
        var surfaceModel = Enum.TryParse<SurfaceModel>(inputs.SurfaceModel, ignoreCase: true, out var model) ? model : environment.SurfaceModel;
        // The stored carry, as used: reproduction does not depend on today's Risk:Carry.
        var carry = new RiskCarryPlan(RiskCarryDefaults.None, inputs.Carry.ToImmutableSortedDictionary(
            c => c.Key, c => new CarryChoice(CarrySource.Explicit, c.Value.Rate, 0.0, c.Value.CostOfCarry), StringComparer.Ordinal));
        var started = time.GetTimestamp();
        RiskReport recomputed;
        try
        {
            (recomputed, _) = await service.ComputeAsync(inputs.PortfolioId, inputs.PortfolioVersion, inputs.Parameters, inputs.AsOfUtc,
                environment with { SurfaceModel = surfaceModel }, null, cancellationToken, carry);
        }
        catch (ReportInputException e)
        {
            return Problems.ForField(StatusCodes.Status422UnprocessableEntity, "The report's inputs can no longer be read", e.Message, "id");
        }

        var elapsed = time.GetElapsedTime(started).TotalMilliseconds;
        var (compared, differing, differences) = ReportComparison.Compare(report, recomputed);
        return TypedResults.Ok(new ReproduceResponse(stored.Id, differing == 0, 0.0, compared, differing, differences, inputs.CodeVersion,
            RiskReportService.CodeVersion, elapsed,
            "Compared: every JSON leaf of the report but timings, code version, the stored VaR run id and the carry's source label (reproduction " +
            "values with the stored carry as given). The backtest reads the stored VaR runs of its window as they are now."));
    }

    private static async Task<(StoredRiskReport? Report, ValidationProblem? Invalid, ProblemHttpResult? Missing)> FindAsync(
        string id, AnalyticsDbContext db, RiskReportStore store, CancellationToken cancellationToken)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            return (null, Problems.Invalid("id", $"must be a report id (a positive integer); got '{(id.Length > 40 ? id[..40] + "…" : id)}'.", "No such report id"), null);
        var stored = await store.FindAsync(db, number, cancellationToken);
        return stored is null
            ? (null, null, Problems.ForField(StatusCodes.Status404NotFound, "No such report", $"There is no stored report {number}.", "id"))
            : (stored, null, null);
    }

    private static string Link(long id, string suffix) => string.Create(CultureInfo.InvariantCulture, $"/api/v1/reports/{id}{suffix}");
}
