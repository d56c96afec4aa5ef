namespace Analytics.Data.Portfolios;

/// <summary>One version of a stored portfolio as read back; results name its <see cref="Id"/> and <see cref="Version"/>.</summary>
/// <param name="Id">Portfolio id.</param>
/// <param name="Version">This version's number (1 = as created).</param>
/// <param name="CreatedUtc">When this version was stored.</param>
/// <param name="Definition">What this version holds.</param>
/// <param name="PortfolioCreatedUtc">When the portfolio (version 1) was stored.</param>
/// <param name="LatestVersion">The portfolio's newest version number.</param>
/// <param name="DeletedUtc">When the portfolio was deleted, or null (only reads that ask for deleted portfolios see one).</param>
public sealed record StoredPortfolio(
    long Id,
    int Version,
    DateTimeOffset CreatedUtc,
    PortfolioDefinition Definition,
    DateTimeOffset PortfolioCreatedUtc,
    int LatestVersion,
    DateTimeOffset? DeletedUtc);
