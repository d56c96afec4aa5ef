namespace Analytics.Data.Ingestion.Formats;

/// <summary>The option fields every option row shape shares: (expiry, strike, type, style, settlement).</summary>
internal static class OptionIdentityFields
{
    /// <summary>Reads (underlying, expiry, strike, type, style, settlement) into an option identity, or null with errors.</summary>
    public static InstrumentIdentity? Read(FieldReader f, string? underlying)
    {
        var expiry = f.Expiry("expiry");
        var strike = f.Double("strike", true, 0, minExclusive: true, unit: "USD");
        var right = f.Choice("type", RowVocabulary.Right);
        var style = f.Choice("style", RowVocabulary.Style, "european");
        var settlement = f.Choice("settlement", RowVocabulary.Settlement, "cash");
        return underlying is null || expiry is null || strike is null || right is null || style is null || settlement is null
            ? null
            : InstrumentIdentity.Option(underlying, expiry.Value, strike.Value, right, style, settlement);
    }
}
