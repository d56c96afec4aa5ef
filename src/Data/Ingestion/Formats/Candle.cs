namespace Analytics.Data.Ingestion.Formats;

internal static class Candle
{
    /// <summary>A candle whose high and low bound its open and close, or null with an error on <c>high</c>/<c>low</c>.</summary>
    public static PriceRow? Check(FieldReader f, string underlying, string source, DateTime at, double open, double high, double low, double close, double? volume)
    {
        if (high < Math.Max(open, close) || high < low) f.Error("high", $"must be ≥ open, close and low; got high {high}, low {low}.");
        else if (low > Math.Min(open, close)) f.Error("low", $"must be ≤ open and close; got {low}.");
        return f.HasErrors ? null : new PriceRow(underlying, source, at, open, high, low, close, volume);
    }
}
