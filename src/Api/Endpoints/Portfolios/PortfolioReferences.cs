using Analytics.Api.Errors;
using Analytics.Data;
using Analytics.Data.Portfolios;
using Analytics.Data.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Endpoints.Portfolios;

/// <summary>
/// The identifiers a valid portfolio body refers to, by field: underlyings (known when the database has a price, a quote
/// or a surface of them, <see cref="KnownUnderlyings"/>), chains (ids of the <c>Chains</c> configuration) and coin
/// collateral assets (known underlyings; the USD stablecoins are always known). <see cref="CheckAsync"/> answers the 422
/// that names every unknown one.
/// </summary>
internal sealed class PortfolioReferences
{
    private readonly List<(string Field, string Symbol)> _underlyings = [], _chains = [], _assets = [];

    public void Underlying(string field, string symbol) => _underlyings.Add((field, symbol));

    public void Chain(string field, string id) => _chains.Add((field, id));

    public void Asset(string field, string symbol) => _assets.Add((field, symbol));

    /// <summary>Null when every identifier is known; otherwise a 422 problem naming each offending field and value.</summary>
    public async Task<ProblemHttpResult?> CheckAsync(AnalyticsDbContext db, ChainProfiles chains, CancellationToken cancellationToken)
    {
        var known = await KnownUnderlyings.FindAsync(db, _underlyings.Concat(_assets).Select(u => u.Symbol), cancellationToken);
        var errors = new FieldErrors();
        var unknownUnderlyings = Unknown(_underlyings, s => known.Contains(s), errors,
            s => $"'{s}' is not a known underlying: the service has no indexed prices, quotes or surfaces of it.");
        var configured = string.Join(", ", chains.All.Select(c => c.Id));
        var unknownChains = Unknown(_chains, id => chains.Find(id) is not null, errors,
            id => $"'{id}' is not a configured chain; configured: {configured}.");
        var unknownAssets = Unknown(_assets, s => known.Contains(s), errors,
            s => $"'{s}' is not a known collateral asset: use {string.Join(", ", CollateralAssets.UsdStable)} or an underlying with indexed prices.");
        if (errors.IsEmpty) return null;
        return Problems.WithErrors(StatusCodes.Status422UnprocessableEntity, "Unknown underlyings, chains or collateral assets",
            "The portfolio names identifiers the service does not know; see `errors` for each field.", errors.ToDictionary(),
            ("unknownUnderlyings", unknownUnderlyings), ("unknownChains", unknownChains), ("unknownAssets", unknownAssets));
    }

    private static List<string> Unknown(List<(string Field, string Symbol)> references, Func<string, bool> isKnown, FieldErrors errors, Func<string, string> message)
    {
        var unknown = new List<string>();
        foreach (var (field, symbol) in references.Where(r => !isKnown(r.Symbol)))
        {
            errors.Add(field, message(symbol));
            if (!unknown.Contains(symbol, StringComparer.Ordinal)) unknown.Add(symbol);
        }
        return unknown;
    }
}
