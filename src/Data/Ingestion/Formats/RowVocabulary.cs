namespace Analytics.Data.Ingestion.Formats;

/// <summary>The closed vocabularies of the row shapes (API.md "Indexed data"): the values a choice field accepts.</summary>
internal static class RowVocabulary
{
    public static readonly string[] Kind = [InstrumentIdentity.OptionKind, InstrumentIdentity.PerpKind];
    public static readonly string[] Right = ["call", "put"];
    public static readonly string[] Style = ["european", "american"];
    public static readonly string[] Settlement = ["cash", "physical"];
    public static readonly string[] Side = ["buy", "sell"];
    public static readonly string[] PremiumCurrency = ["usd", "underlying"];
}
