using System.ComponentModel;

namespace Analytics.Api.Contracts.Funding;

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
