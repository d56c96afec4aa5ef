using Analytics.Data.Market;

namespace Analytics.Data.Ingestion.Formats;

/// <summary>
/// Our quote row shape (API.md): <c>venue, underlying, expiry, strike, type, timestamp, bid, ask, mark, bidSize,
/// askSize, markIv, bidIv, askIv, underlyingPrice, indexPrice, openInterest, premiumCurrency</c>. IVs are decimals;
/// premiums in <c>underlying</c> are converted to USD with <c>underlyingPrice</c> (the expiry's forward).
/// </summary>
public sealed class NativeQuoteMapper : IRowMapper<QuoteRow>
{
    public IReadOnlyCollection<string> RequiredColumns { get; } = ["venue", "underlying", "expiry", "strike", "type", "timestamp"];

    public QuoteRow? Map(FieldReader f)
    {
        var venue = f.Identifier("venue", IdentifierKind.Venue);
        var instrument = OptionIdentityFields.Read(f, f.Identifier("underlying", IdentifierKind.Underlying));
        var timestamp = f.Instant("timestamp");
        var currency = f.Choice("premiumCurrency", RowVocabulary.PremiumCurrency, "usd");
        var bid = f.Double("bid", false, 0);
        var ask = f.Double("ask", false, 0);
        var mark = f.Double("mark", false, 0);
        var bidSize = f.Double("bidSize", false, 0);
        var askSize = f.Double("askSize", false, 0);
        var markIv = f.Double("markIv", false, 0, 20, unit: "decimal, 0.55 = 55 %");
        var bidIv = f.Double("bidIv", false, 0, 20, unit: "decimal");
        var askIv = f.Double("askIv", false, 0, 20, unit: "decimal");
        var forward = UsdPremium.Forward(f, currency);
        var index = f.Double("indexPrice", false, 0, minExclusive: true, unit: "USD");
        var openInterest = f.Double("openInterest", false, 0);
        if (f.HasErrors) return null;
        return new QuoteRow(venue!, instrument!, timestamp!.Value,
            UsdPremium.ToUsd(bid, currency!, forward), UsdPremium.ToUsd(ask, currency!, forward), UsdPremium.ToUsd(mark, currency!, forward),
            bidSize, askSize, markIv, bidIv, askIv, forward, index, openInterest, currency!);
    }
}
