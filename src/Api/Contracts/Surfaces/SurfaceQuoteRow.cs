using Analytics.Api.Serialization;
using System.Text.Json.Serialization;
using System.ComponentModel;
using Analytics.Pricing;

namespace Analytics.Api.Contracts.Surfaces;

/// <summary>One option quote to fit: the quote row shape of API.md, reduced to what the fit needs (more fields are allowed).</summary>
public sealed record SurfaceQuoteRow(
    [property: JsonConverter(typeof(ExpiryJsonConverter)), Description("Expiry instant, ISO-8601 UTC, or a date meaning 08:00 UTC. Required.")] DateTimeOffset? Expiry,
    [property: Description("Strike, USD, > 0. Required.")] double? Strike,
    [property: Description("`call` or `put`. Required.")] OptionRight? Type,
    [property: Description("Best bid per unit of underlying, in `premiumCurrency`; null or 0 when there is none.")] double? Bid,
    [property: Description("Best ask per unit of underlying, in `premiumCurrency`; null or 0 when there is none.")] double? Ask,
    [property: Description("Venue mark price, in `premiumCurrency` (optional; helps the parity forward).")] double? Mark = null,
    [property: Description("The venue's forward for this expiry, USD (Deribit `underlying_price`); optional.")] double? UnderlyingPrice = null,
    [property: Description("Venue mark implied vol, annualised decimal (0.55 = 55 %); reported beside the fit, never fitted.")] double? MarkIv = null,
    [property: Description("`usd` (default) or `underlying` (inverse options: USD premium = premium × underlyingPrice).")] string? PremiumCurrency = null);
