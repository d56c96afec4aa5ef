using Analytics.Data.Market;

namespace Analytics.Data.Ingestion.Formats;

internal static class SnapshotPrice
{
    /// <summary>A flat candle (open = high = low = close) of one USD price at an instant, without volume.</summary>
    public static PriceRow? Read(FieldReader f, string underlyingField, string source, string timestampField, string priceField)
    {
        var underlying = f.Identifier(underlyingField, IdentifierKind.Underlying);
        var at = f.Instant(timestampField);
        var price = f.Double(priceField, true, 0, minExclusive: true, unit: "USD");
        return f.HasErrors ? null : new PriceRow(underlying!, source, at!.Value, price!.Value, price.Value, price.Value, price.Value, null);
    }
}
