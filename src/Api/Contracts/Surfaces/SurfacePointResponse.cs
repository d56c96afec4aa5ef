using System.ComponentModel;
using Analytics.Pricing;

namespace Analytics.Api.Contracts.Surfaces;

/// <summary>One market quote used by the fit, with the model's vol there.</summary>
public sealed record SurfacePointResponse(
    [property: Description("Strike, USD.")] double Strike,
    [property: Description("The right whose prices gave the vols.")] OptionRight Type,
    [property: Description("k = ln(K/F).")] double LogMoneyness,
    [property: Description("Implied vol of the bid, annualised decimal (the name the quote rows use); null when the quote had no usable bid.")] double? BidIv,
    [property: Description("Implied vol of the ask, annualised decimal; null when the quote had no ask.")] double? AskIv,
    [property: Description("Implied vol of the mid, annualised decimal: the fitted target of a two-sided quote; null for a one-sided quote, whose target is the venue's mark IV.")] double? MidIv,
    [property: Description("Fitted vol at `logMoneyness`, annualised decimal.")] double ModelVol,
    [property: Description("Fit error 100·(modelVol − midIv), vol points; null for a one-sided quote.")] double? ErrorVolPoints,
    [property: Description("Venue mark IV, annualised decimal (as `markIv` on quotes); null when not quoted.")] double? MarkIv,
    [property: Description("Id of the indexed quote (GET /api/v1/quotes) when the fit used the index; null for posted quotes.")] long? QuoteId,
    [property: Description("Whether k lies between the smallest and largest log-moneyness of the slice's two-sided quotes (false: a wing point).")] bool InQuotedRange);
