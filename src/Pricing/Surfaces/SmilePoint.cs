namespace Analytics.Pricing.Surfaces;

/// <summary>
/// One market implied-vol point of a smile: a quote turned into Black-76 implied vols of its bid, ask and mid
/// (<see cref="ImpliedVol.ImpliedVolatility.SolveBlack76"/>), at log-moneyness k = ln(K / F), with the vol the fit aims at
/// and how far it may be trusted.
/// </summary>
/// <remarks>
/// A <i>two-sided</i> point has a bid and an ask with implied vols; its fit target is the mid vol. A <i>one-sided</i>
/// point (no bid, no ask, or a bid at or below intrinsic value) carries the venue's mark vol, which is then the target
/// (issue 13 item 3: a quote with only a mark is kept, not dropped). The quoted range of a slice runs from the smallest
/// to the largest log-moneyness of its two-sided points; points outside it are wing points.
/// </remarks>
/// <param name="Strike">Strike K in USD.</param>
/// <param name="Right">The right whose prices gave the vols.</param>
/// <param name="Forward">Forward F in USD used for this quote (the venue's forward on the quote when given, else the slice forward).</param>
/// <param name="LogMoneyness">k = ln(K / F).</param>
/// <param name="BidVol">Implied vol of the bid, annualised decimal; NaN when there is no bid or it is at or below intrinsic value.</param>
/// <param name="AskVol">Implied vol of the ask, annualised decimal; NaN when there is no ask.</param>
/// <param name="MidVol">Implied vol of the mid price (bid + ask)/2, annualised decimal; NaN unless the point is two-sided.</param>
/// <param name="VegaUsd">Black vega ∂price/∂σ at <see cref="TargetVol"/>, USD per 1.00 of vol per unit of underlying.</param>
/// <param name="VenueMarkVol">The venue's mark vol, annualised decimal; NaN when not quoted.</param>
/// <param name="HalfWidthVol">
/// Half the width the quote gives the vol, annualised decimal, &gt; 0: (σ_ask − σ_bid)/2 for a two-sided point; for a
/// one-sided point the distance from the mark vol to the side it has (σ_ask − σ_mark or σ_mark − σ_bid), or
/// <see cref="QuoteFilterOptions.MarkOnlyHalfWidthVol"/> when it has neither side (or the side is on the wrong side of the
/// mark).
/// </param>
/// <param name="InQuotedRange">Whether k lies within the slice's quoted range (see remarks); false for a wing point.</param>
public readonly record struct SmilePoint(
    double Strike,
    OptionRight Right,
    double Forward,
    double LogMoneyness,
    double BidVol,
    double AskVol,
    double MidVol,
    double VegaUsd,
    double VenueMarkVol,
    double HalfWidthVol,
    bool InQuotedRange)
{
    /// <summary>Whether both the bid and the ask have implied vols (the target is then the mid vol).</summary>
    public bool IsTwoSided => double.IsFinite(BidVol) && double.IsFinite(AskVol);

    /// <summary>The vol the fit aims at, annualised decimal: <see cref="MidVol"/> when two-sided, else <see cref="VenueMarkVol"/>.</summary>
    public double TargetVol => IsTwoSided ? MidVol : VenueMarkVol;

    /// <summary>Target total implied variance w = σ_target²·T for the slice tenor T (years).</summary>
    /// <param name="tenorYears">Slice tenor T in years.</param>
    public double TargetTotalVariance(double tenorYears) => TargetVol * TargetVol * tenorYears;

    /// <summary>Mid total implied variance w = σ_mid²·T for the slice tenor T (years); NaN unless two-sided.</summary>
    /// <param name="tenorYears">Slice tenor T in years.</param>
    public double MidTotalVariance(double tenorYears) => MidVol * MidVol * tenorYears;
}
