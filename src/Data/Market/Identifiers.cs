namespace Analytics.Data.Market;

/// <summary>
/// One canonical spelling per kind of identifier (issue 14 item 8: identifiers are case-insensitive everywhere). Every
/// boundary (ingest rows and format parameters, query filters, request bodies, configuration lookups) maps what it is
/// given through these before storing or comparing, so <c>eth</c>, <c>Eth</c> and <c>ETH</c> are one underlying.
/// The forms are the ones ingest has always stored: symbols and perp markets upper case (<c>ETH</c>, <c>ETH-USDT</c>),
/// chain ids, venues and price sources lower case (<c>arbitrum-one</c>, <c>binance</c>, <c>chainlink</c>).
/// </summary>
public static class Identifiers
{
    /// <summary>An underlying or asset symbol: trimmed, upper case (<c>ETH</c>).</summary>
    public static string Underlying(string value) => value.Trim().ToUpperInvariant();

    /// <summary>A perp market: trimmed, upper case (<c>ETH-USDT</c>).</summary>
    public static string Market(string value) => value.Trim().ToUpperInvariant();

    /// <summary>A chain id: trimmed, lower case (<c>arbitrum-one</c>).</summary>
    public static string Chain(string value) => value.Trim().ToLowerInvariant();

    /// <summary>A venue: trimmed, lower case (<c>deribit</c>).</summary>
    public static string Venue(string value) => value.Trim().ToLowerInvariant();

    /// <summary>A price source: trimmed, lower case (<c>cryptodatadownload</c>).</summary>
    public static string Source(string value) => value.Trim().ToLowerInvariant();
}
