namespace Analytics.Data.Market.Stored;

/// <summary>One market quote of a stored slice with the fitted vol there and its fit error.</summary>
/// <param name="Strike">Strike, USD.</param>
/// <param name="Type"><c>call</c> or <c>put</c>: the right whose prices gave the vols.</param>
/// <param name="LogMoneyness">k = ln(K/F_T).</param>
/// <param name="BidVol">Bid implied vol, annualised decimal; null when the quote had no usable bid.</param>
/// <param name="AskVol">Ask implied vol, annualised decimal; null when the quote had no ask.</param>
/// <param name="MidVol">Mid implied vol (the fitted target of a two-sided quote), annualised decimal; null for a one-sided quote.</param>
/// <param name="ModelVol">Fitted vol at <paramref name="LogMoneyness"/>, annualised decimal.</param>
/// <param name="ErrorVolPoints">Fit error 100·(model − mid), vol points; null for a one-sided quote.</param>
/// <param name="VenueMarkVol">The venue's mark vol; null when not quoted.</param>
/// <param name="QuoteId">Id of the indexed quote the point came from; null for posted quotes.</param>
/// <param name="InQuotedRange">Whether k lies within the slice's two-sided quotes; null in records stored before it was kept (all were).</param>
internal sealed record SurfacePointRecord(
    double Strike,
    string Type,
    double LogMoneyness,
    double? BidVol,
    double? AskVol,
    double? MidVol,
    double ModelVol,
    double? ErrorVolPoints,
    double? VenueMarkVol,
    long? QuoteId,
    bool? InQuotedRange = null);
