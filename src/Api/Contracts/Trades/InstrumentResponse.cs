using System.ComponentModel;

namespace Analytics.Api.Contracts.Trades;

/// <summary>An instrument, derived from its identity.</summary>
public sealed record InstrumentResponse(
    [property: Description("Canonical key, e.g. BTC-20260116T080000Z-82000-C-european-cash or PERP-ETH-USD; use it as the `instrument` filter.")] string Key,
    [property: Description("option or perp.")] string Kind,
    [property: Description("Underlying symbol.")] string Underlying,
    [property: Description("Option expiry instant, UTC.")] DateTimeOffset? Expiry,
    [property: Description("Option strike, USD.")] double? Strike,
    [property: Description("Option right: call or put.")] string? Type,
    [property: Description("Exercise style: european or american.")] string? Style,
    [property: Description("Settlement: cash or physical.")] string? Settlement,
    [property: Description("Perp market.")] string? Market);
