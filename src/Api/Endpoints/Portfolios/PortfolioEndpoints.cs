using Analytics.Api.Auth;
using Analytics.Api.Contracts.Portfolios;
using Analytics.Api.Errors;
using Analytics.Data;
using Analytics.Data.Portfolios;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Api.Endpoints.Portfolios;

/// <summary>Stored, versioned portfolios: <c>/api/v1/portfolios</c> (API.md, Portfolios, risk and margin).</summary>
public static class PortfolioEndpoints
{
    private const string BodyRules =
        "Positions: `option` (underlying, type, style `european`|`american`, strike, expiry, quantity, chain; optional venue, " +
        "`premium` = the price of one option in USD, the cash flow being premium × quantity, and settlement), `perp` (underlying, " +
        "quantity, entryPrice; market default `<UNDERLYING>-PERP`) and `spot` (underlying, quantity; optional entryPrice). " +
        "Quantities are signed (negative = short). A date-only expiry means 08:00 UTC. Identifiers are case-insensitive and stored " +
        "normalised (underlying, market and asset upper case; chain and venue lower case). At most 10,000 positions over 100 " +
        "underlyings and 100 collateral entries. 400 names every invalid field (`positions[2].strike`); 422 names every " +
        "underlying without indexed prices, quotes or surfaces, every chain not in `Chains` and every collateral asset that is " +
        "neither USD/USDC/USDT nor a known underlying.";

    public static RouteGroupBuilder MapPortfolioEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/portfolios").WithTags("Portfolios").RequireAuthorization(AuthNames.ReadPolicy);
        group.MapPost("/", CreateAsync)
            .RequireAuthorization(AuthNames.WritePolicy)
            .WithName("CreatePortfolio")
            .WithSummary("Store a new portfolio (version 1)")
            .WithDescription("201 with the stored portfolio (`id`, `version` 1, `createdAt`, `updatedAt`) and its Location. " + BodyRules + " Needs the `writer` role.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/", ListAsync)
            .WithName("ListPortfolios")
            .WithSummary("Portfolios, most recently updated first")
            .WithDescription("Each portfolio's current version: id, name, version, createdAt, updatedAt, positionCount. Deleted portfolios " +
                             "are not listed. `limit` 1–1000 (default 100); follow `nextCursor` for the next page.")
            .ProducesValidationProblem();
        group.MapGet("/{id:long}", GetAsync)
            .WithName("GetPortfolio")
            .WithSummary("One portfolio, current or an older version")
            .WithDescription("The current version, or version `version` (1 = as created). 404 for an unknown or deleted portfolio, or a " +
                             "version it does not have.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:long}", UpdateAsync)
            .RequireAuthorization(AuthNames.WritePolicy)
            .WithName("UpdatePortfolio")
            .WithSummary("Store a new version of a portfolio")
            .WithDescription("Replaces the whole definition by storing it as the next version (older versions stay readable with " +
                             "`?version=`); concurrent updates each get their own version. 200 with the new version; 404 for an unknown " +
                             "or deleted portfolio. " + BodyRules + " Needs the `writer` role.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/{id:long}", DeleteAsync)
            .RequireAuthorization(AuthNames.WritePolicy)
            .WithName("DeletePortfolio")
            .WithSummary("Delete a portfolio")
            .WithDescription("204; the portfolio is no longer listed or served (404), but its versions are kept so stored results that " +
                             "name them stay reproducible. 404 for an unknown or already deleted portfolio. Needs the `writer` role.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Created<PortfolioResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        PortfolioRequest request, AnalyticsDbContext db, PortfolioStore store, ChainProfiles chains, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (PortfolioValidator.Validate(request, errors) is not var (definition, references))
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The portfolio is not valid");
        if (await references.CheckAsync(db, chains, cancellationToken) is { } unknown) return unknown;
        var stored = await store.CreateAsync(db, definition, time.GetUtcNow(), cancellationToken);
        return TypedResults.Created($"/api/v1/portfolios/{stored.Id}", PortfolioMapping.ToResponse(stored));
    }

    private static async Task<Results<Ok<PortfolioPageResponse>, ValidationProblem>> ListAsync(
        AnalyticsDbContext db, PortfolioStore store, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var listing = KeysetListing.Read(null, null, cursor, limit, errors);
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());
        var page = await store.ListAsync(db, listing.After, listing.Limit + 1, cancellationToken);
        var last = page.Count > listing.Limit ? page[listing.Limit - 1] : null;
        var next = last is null ? ((DateTime, long)?)null : (last.UpdatedUtc.UtcDateTime, last.Id);
        return TypedResults.Ok(new PortfolioPageResponse(page.Take(listing.Limit).Select(PortfolioMapping.Summary).ToList(), KeysetListing.Encode(next)));
    }

    private static async Task<Results<Ok<PortfolioResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        long id, int? version, AnalyticsDbContext db, PortfolioStore store, CancellationToken cancellationToken)
    {
        if (version is < 1) return Problems.Invalid("version", $"must be a version number ≥ 1; got {version}.", "The query is not valid");
        if (await store.FindAsync(db, id, version, cancellationToken) is { } stored) return TypedResults.Ok(PortfolioMapping.ToResponse(stored));
        if (version is { } n && await store.FindAsync(db, id, null, cancellationToken) is { } current)
            return Problems.ForField(StatusCodes.Status404NotFound, "No such portfolio version",
                $"Portfolio {id} has versions 1 to {current.LatestVersion}; there is no version {n}.", "version");
        return NotFound(id);
    }

    private static async Task<Results<Ok<PortfolioResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        long id, PortfolioRequest request, AnalyticsDbContext db, PortfolioStore store, ChainProfiles chains, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (PortfolioValidator.Validate(request, errors) is not var (definition, references))
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The portfolio is not valid");
        if (await references.CheckAsync(db, chains, cancellationToken) is { } unknown) return unknown;
        try
        {
            return await store.UpdateAsync(db, id, definition, time.GetUtcNow(), cancellationToken) is { } stored
                ? TypedResults.Ok(PortfolioMapping.ToResponse(stored))
                : NotFound(id);
        }
        catch (DbUpdateConcurrencyException conflict)
        {
            return Problems.ForField(StatusCodes.Status409Conflict, "Concurrent updates", conflict.Message, "id");
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        long id, AnalyticsDbContext db, PortfolioStore store, TimeProvider time, CancellationToken cancellationToken) =>
        await store.DeleteAsync(db, id, time.GetUtcNow(), cancellationToken) ? TypedResults.NoContent() : NotFound(id);

    private static ProblemHttpResult NotFound(long id) =>
        Problems.ForField(StatusCodes.Status404NotFound, "No such portfolio", $"No portfolio has id {id} (or it was deleted).", "id");
}
