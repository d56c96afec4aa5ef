using Analytics.Pricing;
using Analytics.Pricing.Surfaces;

namespace Analytics.Data.Market;

/// <summary>One posted quote as stored with its fit (the quote row of API.md, reduced to what the fit used).</summary>
/// <param name="Expiry">Expiry instant, UTC.</param>
/// <param name="Strike">Strike, USD.</param>
/// <param name="Type"><c>call</c> or <c>put</c>.</param>
/// <param name="Bid">Best bid in <paramref name="PremiumCurrency"/>, if any.</param>
/// <param name="Ask">Best ask in <paramref name="PremiumCurrency"/>, if any.</param>
/// <param name="Mark">Venue mark price, if any.</param>
/// <param name="UnderlyingPrice">The venue's forward for the expiry, USD, if any.</param>
/// <param name="MarkIv">Venue mark implied vol, annualised decimal, if any.</param>
/// <param name="PremiumCurrency"><c>usd</c> or <c>underlying</c>; null means <c>usd</c>.</param>
public sealed record PostedQuote(
    DateTimeOffset? Expiry, double? Strike, string? Type, double? Bid, double? Ask, double? Mark, double? UnderlyingPrice, double? MarkIv,
    string? PremiumCurrency)
{
    /// <summary>The stored form of a fit's quote.</summary>
    public static PostedQuote From(SurfaceQuote q) => new(
        q.ExpiryUtc, q.Strike, q.Right == OptionRight.Put ? "put" : "call", q.Bid, q.Ask, q.Mark, q.UnderlyingPrice, q.VenueMarkVol,
        q.PremiumCurrency == Pricing.PremiumCurrency.Underlying ? "underlying" : "usd");
}
