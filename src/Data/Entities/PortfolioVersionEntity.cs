namespace Analytics.Data.Entities;

/// <summary>
/// One version of a portfolio, immutable once written; keyed by (portfolio id, version). The positions and the collateral
/// are JSON text columns (<c>text</c> on both providers) in Data's own shape, the records of
/// <c>Analytics.Data.Portfolios.Stored</c>, mapped by <c>Analytics.Data.Portfolios.PortfolioStorageMapping</c>.
/// </summary>
public sealed class PortfolioVersionEntity
{
    public long PortfolioId { get; set; }

    /// <summary>Version number, 1 for the created portfolio, then one more per update.</summary>
    public int Version { get; set; }

    /// <summary>When this version was stored (UTC).</summary>
    public DateTime CreatedUtc { get; set; }

    /// <summary>The portfolio's name in this version.</summary>
    public required string Name { get; set; }

    /// <summary>Number of positions, for listings without reading the JSON.</summary>
    public int PositionCount { get; set; }

    /// <summary>The positions (<c>PortfolioPositionRecord</c>[]).</summary>
    public required string PositionsJson { get; set; }

    /// <summary>The collateral (<c>CollateralHoldingRecord</c>[]).</summary>
    public required string CollateralJson { get; set; }
}
