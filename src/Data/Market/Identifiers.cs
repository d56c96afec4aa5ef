using System.Text.RegularExpressions;

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

    /// <summary>A transaction hash: trimmed, lower case (<c>0x5e1f…</c>).</summary>
    public static string TxHash(string value) => value.Trim().ToLowerInvariant();

    /// <summary>
    /// The character class every stored identifier of <paramref name="kind"/> must match after normalisation (issue 17
    /// item 1: no brackets, quotes, spaces, control characters or spreadsheet-formula payloads are stored), at least one
    /// letter (so <c>true</c>-like JSON literals and bare numbers aside, a value names something), with its description:
    /// underlyings <c>[A-Z0-9._]</c> up to 20; perp markets <c>[A-Z0-9._/:-]</c> up to 64; chain ids <c>[a-z0-9-]</c>
    /// up to 64; venues and price sources <c>[a-z0-9._-]</c> up to 64; transaction hashes <c>0x</c> and up to 128
    /// <c>[0-9a-z]</c>. Each starts with a letter or digit.
    /// </summary>
    public static (Regex Pattern, string Description) Rule(IdentifierKind kind) => kind switch
    {
        IdentifierKind.Underlying => (UnderlyingPattern, "1–20 of A–Z, 0–9, '.', '_' with a letter (e.g. ETH)"),
        IdentifierKind.Market => (MarketPattern, "1–64 of A–Z, 0–9, '.', '_', '/', ':', '-' with a letter (e.g. ETH-USDT)"),
        IdentifierKind.Chain => (ChainPattern, "1–64 of a–z, 0–9, '-' with a letter (e.g. arbitrum-one)"),
        IdentifierKind.Venue or IdentifierKind.Source => (NamePattern, "1–64 of a–z, 0–9, '.', '_', '-' with a letter (e.g. deribit)"),
        IdentifierKind.TxHash => (TxHashPattern, "0x followed by 1–128 letters or digits (e.g. 0x5e1f…)"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The canonical spelling of an identifier of <paramref name="kind"/>.</summary>
    public static string Normalise(IdentifierKind kind, string value) => kind switch
    {
        IdentifierKind.Underlying => Underlying(value),
        IdentifierKind.Market => Market(value),
        IdentifierKind.Chain => Chain(value),
        IdentifierKind.Venue => Venue(value),
        IdentifierKind.Source => Source(value),
        IdentifierKind.TxHash => TxHash(value),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Whether the normalised <paramref name="value"/> is a well-formed identifier of <paramref name="kind"/>.</summary>
    public static bool IsWellFormed(IdentifierKind kind, string value) => Rule(kind).Pattern.IsMatch(value);

    private static readonly Regex UnderlyingPattern = new("^(?=[A-Z0-9._]*[A-Z])[A-Z0-9][A-Z0-9._]{0,19}$", RegexOptions.CultureInvariant);
    private static readonly Regex MarketPattern = new("^(?=[A-Z0-9._/:-]*[A-Z])[A-Z0-9][A-Z0-9._/:-]{0,63}$", RegexOptions.CultureInvariant);
    private static readonly Regex ChainPattern = new("^(?=[a-z0-9-]*[a-z])[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant);
    private static readonly Regex NamePattern = new("^(?=[a-z0-9._-]*[a-z])[a-z0-9][a-z0-9._-]{0,63}$", RegexOptions.CultureInvariant);
    private static readonly Regex TxHashPattern = new("^0x[0-9a-z]{1,128}$", RegexOptions.CultureInvariant);
}

/// <summary>The kinds of identifier with a stored character class (<see cref="Identifiers.Rule"/>).</summary>
public enum IdentifierKind
{
    /// <summary>An underlying or asset symbol.</summary>
    Underlying,

    /// <summary>A perp market.</summary>
    Market,

    /// <summary>A chain id.</summary>
    Chain,

    /// <summary>A venue.</summary>
    Venue,

    /// <summary>A price source.</summary>
    Source,

    /// <summary>A transaction hash.</summary>
    TxHash,
}
