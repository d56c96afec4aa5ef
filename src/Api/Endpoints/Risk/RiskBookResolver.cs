using Analytics.Api.Contracts.Portfolios;
using Analytics.Api.Endpoints.Portfolios;
using Analytics.Api.Errors;
using Analytics.Data;
using Analytics.Data.Portfolios;
using Analytics.Data.Risk;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Endpoints.Risk;

/// <summary>
/// The book of a risk request (API.md: "every risk request takes <c>portfolioId</c> (and optional <c>version</c>) or inline
/// <c>positions</c> + <c>collateral</c>"): the field checks, then the stored version or the validated inline definition.
/// </summary>
internal static class RiskBookResolver
{
    /// <summary>
    /// The book of a risk request: checks the choice between a stored portfolio and inline positions, validates inline
    /// positions (unless <paramref name="errors"/> already holds the request's other errors), answers the validation problem
    /// titled <paramref name="title"/> when anything is wrong, then reads the stored portfolio (404 naming it when absent).
    /// </summary>
    public static async Task<(PortfolioDefinition? Definition, (long Id, int Version)? Stored, ValidationProblem? Invalid, ProblemHttpResult? Problem)> ResolveAsync(
        long? portfolioId, int? version, IReadOnlyList<PortfolioPositionRequest?>? positions, IReadOnlyList<CollateralRequest?>? collateral,
        FieldErrors errors, string title, AnalyticsDbContext db, PortfolioStore portfolios, ChainProfiles chains, CancellationToken cancellationToken)
    {
        CheckChoice(portfolioId, version, positions, collateral, errors);
        PortfolioDefinition? definition = null;
        if (portfolioId is null && errors.IsEmpty)
        {
            (definition, var unknown) = await InlineAsync(positions, collateral, errors, db, chains, cancellationToken);
            if (unknown is not null) return (null, null, null, unknown);
        }

        if (!errors.IsEmpty) return (null, null, TypedResults.ValidationProblem(errors.ToDictionary(), title: title), null);
        if (portfolioId is not { } id) return (definition, null, null, null);
        var (portfolio, notFound) = await StoredAsync(portfolios, db, id, version, cancellationToken);
        return notFound is not null ? (null, null, null, notFound) : (portfolio!.Definition, (portfolio.Id, portfolio.Version), null, null);
    }

    /// <summary>Adds field errors for the choice between a stored portfolio and inline positions.</summary>
    private static void CheckChoice(long? portfolioId, int? version, object? positions, object? collateral, FieldErrors errors)
    {
        if (portfolioId is not null && (positions is not null || collateral is not null))
            errors.Add("portfolioId", "give either portfolioId or inline positions and collateral, not both.");
        if (portfolioId is null && positions is null && collateral is null)
            errors.Add("positions", "give portfolioId or inline positions (and collateral).");
        if (version is not null && portfolioId is null) errors.Add("version", "needs portfolioId.");
    }

    /// <summary>Validates inline positions (field errors as on <c>POST /portfolios</c>); a 422 naming unknown references, or null.</summary>
    private static async Task<(PortfolioDefinition? Definition, ProblemHttpResult? Problem)> InlineAsync(
        IReadOnlyList<PortfolioPositionRequest?>? positions, IReadOnlyList<CollateralRequest?>? collateral, FieldErrors errors,
        AnalyticsDbContext db, ChainProfiles chains, CancellationToken cancellationToken)
    {
        var inline = PortfolioValidator.Validate(new PortfolioRequest("inline", collateral ?? [], positions ?? []), errors);
        if (inline is not { } v) return (null, null);
        return await v.References.CheckAsync(db, chains, cancellationToken) is { } unknown ? (null, unknown) : (v.Definition, null);
    }

    /// <summary>The stored portfolio (current or <paramref name="version"/>), or a 404 naming <c>portfolioId</c>.</summary>
    private static async Task<(StoredPortfolio? Portfolio, ProblemHttpResult? Problem)> StoredAsync(
        PortfolioStore portfolios, AnalyticsDbContext db, long id, int? version, CancellationToken cancellationToken) =>
        await portfolios.FindAsync(db, id, version, cancellationToken) is { } portfolio
            ? (portfolio, null)
            : (null, Problems.ForField(StatusCodes.Status404NotFound, "No such portfolio",
                version is { } n ? $"Portfolio {id} has no version {n} (or does not exist)." : $"There is no portfolio {id}.", "portfolioId"));

    /// <summary>The numerics' book: positions in order, collateral summed per asset.</summary>
    public static RiskBook BookOf(PortfolioDefinition definition) => RiskBook.Of(definition);

    /// <summary>The 422 of missing market data, each item named.</summary>
    public static ProblemHttpResult MissingProblem(IReadOnlyList<MissingMarketData> missing) =>
        Problems.ForField(StatusCodes.Status422UnprocessableEntity, "Market data missing",
            string.Join(" ", missing.Select(m => m.Reason)), "asOf", ("missing", missing.Select(m => new { m.Kind, m.Key, m.Reason }).ToArray()));
}
