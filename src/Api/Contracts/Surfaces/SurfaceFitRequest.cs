using System.ComponentModel;
using System.Text.Json.Serialization;
using Analytics.Pricing.Surfaces;

namespace Analytics.Api.Contracts.Surfaces;

/// <summary>Fit a volatility surface (POST /api/v1/surfaces/fit).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SurfaceFitRequest(
    [property: Description("Underlying symbol, e.g. `ETH`. Required.")] string? Underlying,
    [property: Description("ISO-8601 UTC. Default: now. With `quotes`: the valuation instant; tenors run from it (Act/365F). " +
                           "Without: selects the newest indexed snapshot at or before it (at most `Surfaces:MaxSnapshotAge` old), " +
                           "and the surface is valued at that snapshot's instant.")] DateTimeOffset? AsOf,
    [property: Description("`svi` (raw SVI per expiry, default), `ssvi` (SSVI across expiries) or `essvi` (extended SSVI: a ρ per expiry, arbitrage-free by construction).")] SurfaceModel? Model,
    [property: Description("Option quotes of that underlying. Optional: without it the indexed quotes of the underlying are used, " +
                           "each instrument's latest quote within 15 minutes before the newest snapshot at or before `asOf`.")]
    IReadOnlyList<SurfaceQuoteRow>? Quotes = null,
    [property: Description("`false` stores the fit unpublished whatever its quality; `true` or absent publishes it when it passes the " +
                           "quality gate (no butterfly or calendar violation, median slice RMSE within `Surfaces:PublishMaxMedianRmseVolPoints`). " +
                           "A fit that fails the gate is stored unpublished with the reasons in `qualityGate`; only " +
                           "POST /api/v1/surfaces/{id}/publish publishes it.")] bool? Publish = null);
