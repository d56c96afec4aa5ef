using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Analytics.Api.Contracts.Risk;

/// <summary>A standard book for the margin-adequacy backtest, built at <c>asOf</c> from the spot and the pricing surface.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record StandardBookRequest(
    [property: Description("`short-strangle` (short a call and a put at ±`delta`), `short-perp`, or `covered-call` (long spot, short a call at `delta`). Required.")] string? Kind,
    [property: Description("Underlying, any case, with indexed prices (and a surface for the option books). Required.")] string? Underlying,
    [property: Description("Units of the underlying per leg, > 0 (default 1).")] double? Quantity = null,
    [property: Description("Options: days from `asOf` to expiry, 1–365 (default 30).")] int? TenorDays = null,
    [property: Description("Options: the call's forward Black delta, 0.05–0.5 (default 0.25; the put's is its negative), strikes solved on the surface's smile.")] double? Delta = null);

/// <summary>The standard book as built: its parameters and its positions, as in <c>POST /api/v1/portfolios</c>.</summary>
public sealed record StandardBookResponse(
    [property: Description("`short-strangle`, `short-perp` or `covered-call`.")] string Kind,
    [property: Description("Underlying.")] string Underlying,
    [property: Description("Units per leg.")] double Quantity,
    [property: Description("Options: days to expiry.")] int TenorDays,
    [property: Description("Options: the call's forward delta.")] double Delta,
    [property: Description("Spot the strikes were solved at, USD (the forward: margin values with r = b = 0).")] double SpotUsd,
    [property: Description("The positions built.")] IReadOnlyList<Portfolios.PortfolioPositionRequest> Positions);
