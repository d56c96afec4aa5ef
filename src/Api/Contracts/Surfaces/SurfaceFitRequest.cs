using System.ComponentModel;
using System.Text.Json.Serialization;
using Analytics.Pricing;

namespace Analytics.Api.Contracts.Surfaces;

/// <summary>Which parameterisation to fit (API.md, Surfaces).</summary>
public enum SurfaceModelKind
{
    /// <summary>Raw SVI per expiry slice (quasi-explicit calibration).</summary>
    Svi,

    /// <summary>SSVI across expiries (power-law φ), θ from the raw SVI slices.</summary>
    Ssvi,
}

/// <summary>Fit a volatility surface (POST /api/v1/surfaces/fit).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SurfaceFitRequest(
    [property: Description("Underlying symbol, e.g. `ETH`. Required.")] string? Underlying,
    [property: Description("Valuation instant, ISO-8601 UTC; tenors run from it (Act/365F). Default: now.")] DateTimeOffset? AsOf,
    [property: Description("`svi` (raw SVI per expiry, default) or `ssvi` (SSVI across expiries).")] SurfaceModelKind? Model,
    [property: Description("Option quotes of that underlying. Optional: without it the indexed quotes of the underlying are used, " +
                           "each instrument's latest snapshot at or before `asOf` (within 15 minutes of the newest one).")]
    IReadOnlyList<SurfaceQuoteRow>? Quotes = null);

/// <summary>One option quote to fit: the quote row shape of API.md, reduced to what the fit needs (more fields are allowed).</summary>
public sealed record SurfaceQuoteRow(
    [property: Description("Expiry instant, ISO-8601 UTC. Required.")] DateTimeOffset? Expiry,
    [property: Description("Strike, USD, > 0. Required.")] double? Strike,
    [property: Description("`call` or `put`. Required.")] OptionRight? Type,
    [property: Description("Best bid per unit of underlying, in `premiumCurrency`; null or 0 when there is none.")] double? Bid,
    [property: Description("Best ask per unit of underlying, in `premiumCurrency`; null or 0 when there is none.")] double? Ask,
    [property: Description("Venue mark price, in `premiumCurrency` (optional; helps the parity forward).")] double? Mark = null,
    [property: Description("The venue's forward for this expiry, USD (Deribit `underlying_price`); optional.")] double? UnderlyingPrice = null,
    [property: Description("Venue mark implied vol, annualised decimal (0.55 = 55 %); reported beside the fit, never fitted.")] double? MarkIv = null,
    [property: Description("`usd` (default) or `underlying` (inverse options: USD premium = premium × underlyingPrice).")] string? PremiumCurrency = null);
