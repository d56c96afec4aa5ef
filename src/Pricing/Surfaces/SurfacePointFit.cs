namespace Analytics.Pricing.Surfaces;

/// <summary>One market point of a fitted slice with the model's vol there.</summary>
/// <param name="Strike">Strike K in USD.</param>
/// <param name="Right">The right quoted.</param>
/// <param name="LogMoneyness">k = ln(K / F) with the quote's forward.</param>
/// <param name="BidVol">Bid implied vol, annualised decimal; NaN when the quote has no usable bid.</param>
/// <param name="AskVol">Ask implied vol, annualised decimal; NaN when the quote has no ask.</param>
/// <param name="MidVol">Mid implied vol, annualised decimal; NaN unless the quote is two-sided.</param>
/// <param name="ModelVol">Fitted vol at <paramref name="LogMoneyness"/>, annualised decimal.</param>
/// <param name="VenueMarkVol">The venue's mark vol, annualised decimal; NaN when not quoted.</param>
/// <param name="InQuotedRange">
/// Whether k lies between the smallest and largest log-moneyness of the slice's two-sided quotes
/// (<see cref="SmilePoint.InQuotedRange"/>); false for a wing point. True for points stored before the flag existed (they were
/// all two-sided).
/// </param>
public readonly record struct SurfacePointFit(
    double Strike,
    OptionRight Right,
    double LogMoneyness,
    double BidVol,
    double AskVol,
    double MidVol,
    double ModelVol,
    double VenueMarkVol,
    bool InQuotedRange = true)
{
    /// <summary>Whether the quote had a bid and an ask with implied vols (its fit target was the mid).</summary>
    public bool IsTwoSided => double.IsFinite(BidVol) && double.IsFinite(AskVol) && double.IsFinite(MidVol);

    /// <summary>Fit error 100·(model − mid), vol points; NaN for a one-sided point (no mid).</summary>
    public double ErrorVolPoints => 100.0 * (ModelVol - MidVol);

    /// <summary>Difference from the venue's mark 100·(model − venue mark), vol points; NaN when there is no venue mark.</summary>
    public double VenueDifferenceVolPoints => 100.0 * (ModelVol - VenueMarkVol);

    /// <summary>
    /// How far the model vol lies outside the quote's band [σ_bid − h, σ_ask + h] with h = (σ_ask − σ_bid)/2 (the quote's own
    /// half-width), annualised decimal; 0 inside the band or for a one-sided point.
    /// </summary>
    public double ExcessOutsideQuoteBandVol => ExcessOutsideQuoteBand(ModelVol);

    /// <summary>
    /// How far a vol lies outside this quote's band [σ_bid − h, σ_ask + h], h = (σ_ask − σ_bid)/2, annualised decimal; 0 inside
    /// the band or for a one-sided point. The bound of issue 13 item 4 on what a repair may do.
    /// </summary>
    /// <param name="lognormalVol">A model vol at this point, annualised decimal.</param>
    public double ExcessOutsideQuoteBand(double lognormalVol) => QuoteBand.Excess(BidVol, AskVol, lognormalVol);
}
