namespace Analytics.Data.Portfolios.Stored;

/// <summary>One stored position (the <c>PositionsJson</c> column of <c>portfolio_versions</c>); Data owns this shape.</summary>
/// <param name="Kind"><c>option</c>, <c>perp</c> or <c>spot</c>.</param>
/// <param name="Underlying">Underlying symbol, upper case.</param>
/// <param name="Quantity">Signed quantity, units of underlying (options: number of options).</param>
/// <param name="Type">Options: <c>call</c> or <c>put</c>.</param>
/// <param name="Style">Options: <c>european</c> or <c>american</c>.</param>
/// <param name="Settlement">Options: <c>cash</c> or <c>physical</c>.</param>
/// <param name="Strike">Options: strike, USD.</param>
/// <param name="ExpiryUtc">Options: expiry instant, UTC.</param>
/// <param name="Chain">Chain id, lower case.</param>
/// <param name="Venue">Venue, lower case.</param>
/// <param name="Premium">Options: price of one option, USD.</param>
/// <param name="Market">Perpetuals: the venue's market, upper case.</param>
/// <param name="EntryPrice">Perpetuals and spot: entry price, USD.</param>
internal sealed record PortfolioPositionRecord(
    string Kind,
    string Underlying,
    double Quantity,
    string? Type = null,
    string? Style = null,
    string? Settlement = null,
    double? Strike = null,
    DateTime? ExpiryUtc = null,
    string? Chain = null,
    string? Venue = null,
    double? Premium = null,
    string? Market = null,
    double? EntryPrice = null);
