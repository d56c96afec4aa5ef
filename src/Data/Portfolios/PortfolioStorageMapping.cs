using Analytics.Data.Entities;
using Analytics.Data.Market.Stored;
using Analytics.Data.Portfolios.Stored;
using Analytics.Pricing;
using Analytics.Pricing.Engines;
using Analytics.Pricing.Market;
using Analytics.Pricing.Risk;

namespace Analytics.Data.Portfolios;

/// <summary>The one mapping between portfolio versions as stored (entity + JSON records) and <see cref="StoredPortfolio"/>.</summary>
internal static class PortfolioStorageMapping
{
    public static PortfolioVersionEntity ToVersion(long portfolioId, int version, PortfolioDefinition definition, DateTime createdUtc) => new()
    {
        PortfolioId = portfolioId,
        Version = version,
        CreatedUtc = createdUtc,
        Name = definition.Name,
        PositionCount = definition.Positions.Length,
        PositionsJson = StoredJson.Serialize(definition.Positions.Select(ToRecord).ToList()),
        CollateralJson = StoredJson.Serialize(definition.Collateral.Select(c => new CollateralHoldingRecord(c.Asset, c.Amount)).ToList()),
    };

    public static StoredPortfolio ToStored(PortfolioEntity portfolio, PortfolioVersionEntity version)
    {
        var positions = StoredJson.Deserialize<List<PortfolioPositionRecord>>(version.PositionsJson).Select(FromRecord);
        var collateral = StoredJson.Deserialize<List<CollateralHoldingRecord>>(version.CollateralJson).Select(c => new CollateralHolding(c.Asset, c.Amount));
        return new StoredPortfolio(portfolio.Id, version.Version, Utc(version.CreatedUtc), new PortfolioDefinition(version.Name, positions, collateral),
            Utc(portfolio.CreatedUtc), portfolio.CurrentVersion, portfolio.DeletedUtc is { } deleted ? Utc(deleted) : null);
    }

    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static PortfolioPositionRecord ToRecord(PortfolioPosition p) => p.Kind switch
    {
        RiskInstrumentKind.Option => new PortfolioPositionRecord(OptionKind, p.Underlying, p.Quantity,
            Type: p.Right == OptionRight.Call ? "call" : "put",
            Style: p.Style == OptionExerciseStyle.American ? "american" : "european",
            Settlement: p.Settlement == OptionSettlement.Physical ? "physical" : "cash",
            Strike: p.Strike, ExpiryUtc: p.ExpiryUtc!.Value.UtcDateTime, Chain: p.Chain, Venue: p.Venue, Premium: p.Premium),
        RiskInstrumentKind.Perpetual => new PortfolioPositionRecord(PerpKind, p.Underlying, p.Quantity,
            Chain: p.Chain, Venue: p.Venue, Market: p.Market, EntryPrice: p.EntryPrice),
        _ => new PortfolioPositionRecord(SpotKind, p.Underlying, p.Quantity, Chain: p.Chain, Venue: p.Venue, EntryPrice: p.EntryPrice),
    };

    private static PortfolioPosition FromRecord(PortfolioPositionRecord r) => r.Kind switch
    {
        OptionKind => PortfolioPosition.Option(r.Underlying,
            r.Type == "put" ? OptionRight.Put : OptionRight.Call,
            r.Style == "american" ? OptionExerciseStyle.American : OptionExerciseStyle.European,
            r.Settlement == "physical" ? OptionSettlement.Physical : OptionSettlement.Cash,
            r.Strike ?? throw Corrupt("strike"), Utc(r.ExpiryUtc ?? throw Corrupt("expiryUtc")), r.Quantity,
            r.Chain ?? throw Corrupt("chain"), r.Venue, r.Premium),
        PerpKind => PortfolioPosition.Perpetual(r.Underlying, r.Quantity, r.Market ?? throw Corrupt("market"),
            r.EntryPrice ?? throw Corrupt("entryPrice"), r.Chain, r.Venue),
        SpotKind => PortfolioPosition.Spot(r.Underlying, r.Quantity, r.EntryPrice, r.Chain, r.Venue),
        _ => throw new InvalidDataException($"A stored position has kind '{r.Kind}'."),
    };

    private static InvalidDataException Corrupt(string field) => new($"A stored option or perpetual position has no {field}.");

    private const string OptionKind = "option", PerpKind = "perp", SpotKind = "spot";
}
