namespace Analytics.Data.Ingestion.Formats;

/// <summary>
/// Premiums quoted in the underlying (<c>premiumCurrency = underlying</c>) converted to USD with the expiry's forward
/// (PRODUCT.md §3.1: the forward, never the index).
/// </summary>
internal static class UsdPremium
{
    /// <summary>
    /// The expiry's forward (<c>underlyingPrice</c>, USD) that converts a premium quoted in the underlying to USD: required
    /// when <paramref name="currency"/> is <c>underlying</c>, optional otherwise.
    /// </summary>
    public static double? Forward(FieldReader f, string? currency)
    {
        const string field = "underlyingPrice";
        var coin = currency == "underlying";
        if (coin && string.IsNullOrWhiteSpace(f.Record[field]))
        {
            f.Error(field, "is required when premiumCurrency is underlying: the expiry's forward (USD) converts the coin premium to USD.");
            return null;
        }
        return f.Double(field, coin, 0, minExclusive: true, unit: "USD forward of the expiry");
    }

    /// <summary>USD = premium × forward when the venue quotes in the underlying, the premium itself otherwise.</summary>
    public static double? ToUsd(double? premium, string currency, double? forward) =>
        premium is null ? null : currency == "underlying" ? premium * forward : premium;
}
