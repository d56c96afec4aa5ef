using Analytics.Api.Contracts.Portfolios;
using Analytics.Data.Portfolios;
using Analytics.Pricing.Risk;

namespace Analytics.Api.Endpoints.Portfolios;

/// <summary>The one mapping from stored portfolios to the API's contracts.</summary>
internal static class PortfolioMapping
{
    public static PortfolioResponse ToResponse(StoredPortfolio stored) => new(
        stored.Id,
        stored.Version,
        stored.LatestVersion,
        stored.Definition.Name,
        stored.Definition.Collateral.Select(c => new CollateralResponse(c.Asset, c.Amount)).ToList(),
        stored.Definition.Positions.Select(Position).ToList(),
        stored.PortfolioCreatedUtc,
        stored.CreatedUtc);

    public static PortfolioSummaryResponse Summary(PortfolioSummary summary) =>
        new(summary.Id, summary.Name, summary.Version, summary.CreatedUtc, summary.UpdatedUtc, summary.PositionCount);

    private static PortfolioPositionResponse Position(PortfolioPosition p) => new(
        p.Kind switch
        {
            RiskInstrumentKind.Option => PortfolioPositionKind.Option,
            RiskInstrumentKind.Perpetual => PortfolioPositionKind.Perp,
            _ => PortfolioPositionKind.Spot,
        },
        p.Underlying, p.Right, p.Style, p.Settlement, p.Strike, p.ExpiryUtc, p.Quantity, p.Chain, p.Venue, p.Premium, p.Market, p.EntryPrice);
}
