using Analytics.Data.Market;

namespace Analytics.Data.Ingestion.Formats;

/// <summary>
/// Our funding row shape (API.md): <c>venue, market, timestamp, rate</c> (decimal per interval),
/// <c>intervalHours, markPrice, indexPrice</c> (USD).
/// </summary>
public sealed class NativeFundingMapper : IRowMapper<FundingRow>
{
    public IReadOnlyCollection<string> RequiredColumns { get; } = ["venue", "market", "timestamp", "rate", "intervalHours"];

    public FundingRow? Map(FieldReader f)
    {
        var venue = f.Identifier("venue", IdentifierKind.Venue);
        var market = f.Identifier("market", IdentifierKind.Market);
        var timestamp = f.Instant("timestamp");
        var rate = f.Double("rate", true, -1, 1, unit: "decimal per interval");
        var interval = f.Double("intervalHours", true, 0, 168, minExclusive: true, unit: "hours");
        var mark = f.Double("markPrice", false, 0, minExclusive: true, unit: "USD");
        var index = f.Double("indexPrice", false, 0, minExclusive: true, unit: "USD");
        return f.HasErrors ? null : new FundingRow(venue!, market!, timestamp!.Value, rate!.Value, interval!.Value, mark, index);
    }
}
