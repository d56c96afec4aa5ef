namespace Analytics.Data.Entities;

/// <summary>
/// An instrument, derived from its identity rather than typed by hand (see <see cref="Ingestion.InstrumentIdentity"/>):
/// an option is (underlying, expiry instant UTC, strike, right, exercise style, settlement); a perpetual is its market.
/// <see cref="Key"/> is the canonical text of that identity and is unique.
/// </summary>
public sealed class InstrumentEntity
{
    public long Id { get; set; }

    /// <summary>Canonical identity, e.g. <c>BTC-20260116T0800Z-82000-C-european-cash</c> or <c>PERP-ETH-USD</c>.</summary>
    public required string Key { get; set; }

    /// <summary><c>option</c> or <c>perp</c>.</summary>
    public required string Kind { get; set; }

    public required string Underlying { get; set; }
    public DateTime? ExpiryUtc { get; set; }

    /// <summary>Strike, USD (double: strikes are exact in binary at venue tick sizes and feed the numerics).</summary>
    public double? Strike { get; set; }

    /// <summary><c>call</c> or <c>put</c>.</summary>
    public string? Right { get; set; }

    /// <summary><c>european</c> or <c>american</c>.</summary>
    public string? Style { get; set; }

    /// <summary><c>cash</c> or <c>physical</c>.</summary>
    public string? Settlement { get; set; }

    /// <summary>The perpetual's market, e.g. <c>ETH-USD</c>.</summary>
    public string? Market { get; set; }
}
