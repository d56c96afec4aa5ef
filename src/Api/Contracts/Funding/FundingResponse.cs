using System.ComponentModel;

namespace Analytics.Api.Contracts.Funding;

/// <summary>A funding settlement.</summary>
public sealed record FundingResponse(
    [property: Description("Venue id.")] string Venue,
    [property: Description("Perp market.")] string Market,
    [property: Description("Settlement instant, UTC.")] DateTimeOffset Timestamp,
    [property: Description("Rate per interval, decimal (0.0001 = 0.01 %).")] double Rate,
    [property: Description("Funding interval, hours.")] double IntervalHours,
    [property: Description("Rate annualised: rate × 8760 / intervalHours (simple).")] double AnnualisedRate,
    [property: Description("Mark price, USD.")] double? MarkPrice,
    [property: Description("Index price, USD.")] double? IndexPrice);
