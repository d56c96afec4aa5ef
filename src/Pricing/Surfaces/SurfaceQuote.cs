namespace Analytics.Pricing.Surfaces;

/// <summary>
/// One option quote of a single underlying at the as-of instant, as the surface builder consumes it
/// (API.md "quote" row shape, reduced to what the numerics need).
/// </summary>
/// <param name="ExpiryUtc">Expiry instant (Deribit: 08:00 UTC).</param>
/// <param name="Strike">Strike K in USD, &gt; 0.</param>
/// <param name="Right">Call or put.</param>
/// <param name="Bid">Best bid premium in <paramref name="PremiumCurrency"/>; null or 0 when there is none.</param>
/// <param name="Ask">Best ask premium in <paramref name="PremiumCurrency"/>; null or 0 when there is none.</param>
/// <param name="Mark">Venue mark premium in <paramref name="PremiumCurrency"/>, optional (used only for the parity forward when a side is missing).</param>
/// <param name="PremiumCurrency">Currency of <paramref name="Bid"/>, <paramref name="Ask"/> and <paramref name="Mark"/>.</param>
/// <param name="UnderlyingPrice">The venue's forward F_T for this expiry in USD (Deribit <c>underlying_price</c>), optional.</param>
/// <param name="VenueMarkVol">The venue's mark implied lognormal vol, annualised decimal (0.53 = 53 %), optional; reported, never fitted.</param>
public sealed record SurfaceQuote(
    DateTimeOffset ExpiryUtc,
    double Strike,
    OptionRight Right,
    double? Bid,
    double? Ask,
    double? Mark = null,
    PremiumCurrency PremiumCurrency = PremiumCurrency.Usd,
    double? UnderlyingPrice = null,
    double? VenueMarkVol = null);
