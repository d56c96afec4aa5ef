using System.ComponentModel;
using System.Text.Json.Serialization;
using Analytics.Pricing.Surfaces;

namespace Analytics.Api.Contracts.Surfaces;

/// <summary>Fit a volatility surface (POST /api/v1/surfaces/fit).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SurfaceFitRequest(
    [property: Description("Underlying symbol, e.g. `ETH`. Required.")] string? Underlying,
    [property: Description("Valuation instant, ISO-8601 UTC; tenors run from it (Act/365F). Default: now.")] DateTimeOffset? AsOf,
    [property: Description("`svi` (raw SVI per expiry, default) or `ssvi` (SSVI across expiries).")] SurfaceModel? Model,
    [property: Description("Option quotes of that underlying. Optional: without it the indexed quotes of the underlying are used, " +
                           "each instrument's latest snapshot at or before `asOf` (within 15 minutes of the newest one).")]
    IReadOnlyList<SurfaceQuoteRow>? Quotes = null);
