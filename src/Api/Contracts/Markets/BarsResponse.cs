using System.ComponentModel;

namespace Analytics.Api.Contracts.Markets;

/// <summary>OHLC bars of an underlying.</summary>
public sealed record BarsResponse(
    [property: Description("Underlying symbol.")] string Underlying,
    [property: Description("Bar length: 1m, 5m, 15m, 1h, 4h or 1d.")] string Interval,
    [property: Description("trades or prices.")] string Source,
    [property: Description("With source=prices: the one price source the bars come from (null when there were no prices).")] string? PriceSource,
    [property: Description("With source=trades: the one venue the bars come from (null when there were no trades).")] string? Venue,
    [property: Description("Bars in time order; intervals without data have no bar.")] IReadOnlyList<BarResponse> Bars);
