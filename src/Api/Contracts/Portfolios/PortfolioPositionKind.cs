namespace Analytics.Api.Contracts.Portfolios;

/// <summary>What a portfolio position holds (API.md, Portfolios).</summary>
public enum PortfolioPositionKind
{
    /// <summary>A European or American option.</summary>
    Option,

    /// <summary>A perpetual future.</summary>
    Perp,

    /// <summary>The underlying itself.</summary>
    Spot,
}
