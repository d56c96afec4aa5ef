namespace Analytics.Data.Entities;

/// <summary>
/// A stored portfolio (PRODUCT.md §3.5): the identity and the pointer to its current version. What it holds lives in
/// its <see cref="PortfolioVersionEntity"/> rows, one per create or update, never changed or removed, so a result that
/// names a version stays reproducible after later updates and after deletion.
/// </summary>
public sealed class PortfolioEntity
{
    public long Id { get; set; }

    /// <summary>The newest version number (≥ 1); an update moves it by one with a conditional update (optimistic concurrency).</summary>
    public int CurrentVersion { get; set; }

    /// <summary>When version 1 was stored (UTC).</summary>
    public DateTime CreatedUtc { get; set; }

    /// <summary>When the current version was stored (UTC); listings order by it, newest first.</summary>
    public DateTime UpdatedUtc { get; set; }

    /// <summary>When the portfolio was deleted (UTC), or null. A deleted portfolio is not served, but its versions are kept.</summary>
    public DateTime? DeletedUtc { get; set; }

    /// <summary>Every stored version (inserted with the portfolio for version 1; read by key otherwise).</summary>
    public List<PortfolioVersionEntity> Versions { get; set; } = [];
}
