namespace Analytics.Pricing.Surfaces;

/// <summary>One market point of a fitted slice with the model's vol there.</summary>
/// <param name="Strike">Strike K in USD.</param>
/// <param name="Right">The right quoted.</param>
/// <param name="LogMoneyness">k = ln(K / F) with the quote's forward.</param>
/// <param name="BidVol">Bid implied vol, annualised decimal.</param>
/// <param name="AskVol">Ask implied vol, annualised decimal.</param>
/// <param name="MidVol">Mid implied vol, annualised decimal: the fitted target.</param>
/// <param name="ModelVol">Fitted vol at <paramref name="LogMoneyness"/>, annualised decimal.</param>
/// <param name="VenueMarkVol">The venue's mark vol, annualised decimal; NaN when not quoted.</param>
public readonly record struct SurfacePointFit(
    double Strike,
    OptionRight Right,
    double LogMoneyness,
    double BidVol,
    double AskVol,
    double MidVol,
    double ModelVol,
    double VenueMarkVol)
{
    /// <summary>Fit error 100·(model − mid), vol points.</summary>
    public double ErrorVolPoints => 100.0 * (ModelVol - MidVol);

    /// <summary>Difference from the venue's mark 100·(model − venue mark), vol points; NaN when there is no venue mark.</summary>
    public double VenueDifferenceVolPoints => 100.0 * (ModelVol - VenueMarkVol);
}
