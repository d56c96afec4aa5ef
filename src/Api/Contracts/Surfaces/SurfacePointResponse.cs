using System.ComponentModel;
using Analytics.Pricing;

namespace Analytics.Api.Contracts.Surfaces;

/// <summary>One market quote used by the fit, with the model's vol there.</summary>
public sealed record SurfacePointResponse(
    [property: Description("Strike, USD.")] double Strike,
    [property: Description("The right whose prices gave the vols.")] OptionRight Type,
    [property: Description("k = ln(K/F).")] double LogMoneyness,
    [property: Description("Implied vol of the bid, annualised decimal.")] double BidVol,
    [property: Description("Implied vol of the ask, annualised decimal.")] double AskVol,
    [property: Description("Implied vol of the mid, annualised decimal: the fitted target.")] double MidVol,
    [property: Description("Fitted vol at `logMoneyness`, annualised decimal.")] double ModelVol,
    [property: Description("Fit error 100·(modelVol − midVol), vol points.")] double ErrorVolPoints,
    [property: Description("Venue mark vol, annualised decimal; null when not quoted.")] double? VenueMarkVol,
    [property: Description("Id of the indexed quote (GET /api/v1/quotes) when the fit used the index; null for posted quotes.")] long? QuoteId);
