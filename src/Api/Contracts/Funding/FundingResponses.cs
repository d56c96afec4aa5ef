using System.ComponentModel;

namespace Analytics.Api.Contracts.Funding;

/// <summary>One page of funding observations.</summary>
public sealed record FundingPageResponse(
    [property: Description("Observations in time order (oldest first).")] IReadOnlyList<FundingResponse> Items,
    [property: Description("Pass as `cursor` to get the next page; null on the last page.")] string? NextCursor);

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

/// <summary>Funding over a window ending at `to`.</summary>
public sealed record FundingSummaryResponse(
    [property: Description("Perp market.")] string Market,
    [property: Description("Venue, or null for every venue.")] string? Venue,
    [property: Description("Window start (exclusive), UTC.")] DateTimeOffset From,
    [property: Description("Window end (inclusive), UTC.")] DateTimeOffset To,
    [property: Description("Observations in the window.")] int Observations,
    [property: Description("Time-weighted mean rate per interval, decimal.")] double MeanRatePerInterval,
    [property: Description("Time-weighted annualised rate: 8760 × Σ rate / Σ intervalHours (= mean rate × 8760 / intervalHours), decimal per year.")] double AnnualisedRate,
    [property: Description("Lowest rate per interval, decimal.")] double Min,
    [property: Description("Highest rate per interval, decimal.")] double Max);
