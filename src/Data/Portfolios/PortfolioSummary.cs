namespace Analytics.Data.Portfolios;

/// <summary>A listing entry: a portfolio's current version without its positions.</summary>
/// <param name="Id">Portfolio id.</param>
/// <param name="Name">Name in the current version.</param>
/// <param name="Version">Current version number.</param>
/// <param name="CreatedUtc">When the portfolio was created.</param>
/// <param name="UpdatedUtc">When the current version was stored.</param>
/// <param name="PositionCount">Positions in the current version.</param>
public sealed record PortfolioSummary(long Id, string Name, int Version, DateTimeOffset CreatedUtc, DateTimeOffset UpdatedUtc, int PositionCount);
