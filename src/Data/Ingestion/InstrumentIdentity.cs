using System.Globalization;

namespace Analytics.Data.Ingestion;

/// <summary>
/// What an instrument is, from which its canonical <see cref="Key"/> is derived: an option is (underlying, expiry
/// instant UTC, strike USD, right, exercise style, settlement); a perpetual is its market (e.g. <c>ETH-USD</c>).
/// </summary>
public sealed record InstrumentIdentity(
    string Kind, string Underlying, DateTime? ExpiryUtc, double? Strike, string? Right, string? Style, string? Settlement, string? Market)
{
    public const string OptionKind = "option";
    public const string PerpKind = "perp";

    public static InstrumentIdentity Option(string underlying, DateTime expiryUtc, double strike, string right,
        string style = "european", string settlement = "cash") =>
        new(OptionKind, underlying.ToUpperInvariant(), expiryUtc, strike, right, style, settlement, null);

    public static InstrumentIdentity Perp(string underlying, string market) =>
        new(PerpKind, underlying.ToUpperInvariant(), null, null, null, null, null, market.ToUpperInvariant());

    /// <summary>
    /// <c>BTC-20260116T0800Z-82000-C-european-cash</c> for an option (strike in shortest round-trip form),
    /// <c>PERP-ETH-USD</c> for a perpetual.
    /// </summary>
    public string Key => Kind == PerpKind
        ? $"PERP-{Market}"
        : string.Create(CultureInfo.InvariantCulture,
            $"{Underlying}-{ExpiryUtc:yyyyMMdd'T'HHmmss'Z'}-{Strike:R}-{(Right == "call" ? "C" : "P")}-{Style}-{Settlement}");
}
