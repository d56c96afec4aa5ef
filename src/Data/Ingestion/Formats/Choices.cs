namespace Analytics.Data.Ingestion.Formats;

/// <summary>The closed vocabularies of the row shapes (API.md "Indexed data").</summary>
internal static class Choices
{
    public static readonly string[] Kind = [InstrumentIdentity.OptionKind, InstrumentIdentity.PerpKind];
    public static readonly string[] Right = ["call", "put"];
    public static readonly string[] Style = ["european", "american"];
    public static readonly string[] Settlement = ["cash", "physical"];
    public static readonly string[] Side = ["buy", "sell"];
    public static readonly string[] PremiumCurrency = ["usd", "underlying"];

    /// <summary>
    /// The expiry's forward (<c>underlyingPrice</c>, USD) that converts a premium quoted in the underlying to USD: required
    /// when <paramref name="currency"/> is <c>underlying</c> (PRODUCT.md §3.1: the forward, never the index), optional otherwise.
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

    /// <summary>Reads (underlying, expiry, strike, type, style, settlement) into an option identity, or null with errors.</summary>
    public static InstrumentIdentity? Option(FieldReader f, string? underlying)
    {
        var expiry = f.Instant("expiry", mayBeFuture: true);
        var strike = f.Double("strike", true, 0, minExclusive: true, unit: "USD");
        var right = f.Choice("type", Right);
        var style = f.Choice("style", Style, "european");
        var settlement = f.Choice("settlement", Settlement, "cash");
        return underlying is null || expiry is null || strike is null || right is null || style is null || settlement is null
            ? null
            : InstrumentIdentity.Option(underlying, expiry.Value, strike.Value, right, style, settlement);
    }

    /// <summary>USD = premium × forward when the venue quotes in the underlying (PRODUCT.md §3.1: the forward, not the index).</summary>
    public static double? ToUsd(double? premium, string currency, double? forward) =>
        premium is null ? null : currency == "underlying" ? premium * forward : premium;
}
