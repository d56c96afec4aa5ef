namespace Analytics.Pricing.Surfaces;

/// <summary>
/// One market implied-vol point of a smile: a quote turned into Black-76 implied vols of its bid, ask and mid
/// (<see cref="ImpliedVol.ImpliedVolatility.SolveBlack76"/>), at log-moneyness k = ln(K / F).
/// </summary>
/// <param name="Strike">Strike K in USD.</param>
/// <param name="Right">The right whose prices gave the vols.</param>
/// <param name="Forward">Forward F in USD used for this quote (the venue's forward on the quote when given, else the slice forward).</param>
/// <param name="LogMoneyness">k = ln(K / F).</param>
/// <param name="BidVol">Implied vol of the bid, annualised decimal.</param>
/// <param name="AskVol">Implied vol of the ask, annualised decimal.</param>
/// <param name="MidVol">Implied vol of the mid price (bid + ask)/2, annualised decimal: the fitted target.</param>
/// <param name="VegaUsd">Black vega ∂price/∂σ at <paramref name="MidVol"/>, USD per 1.00 of vol per unit of underlying.</param>
/// <param name="VenueMarkVol">The venue's mark vol, annualised decimal; NaN when not quoted.</param>
public readonly record struct SmilePoint(
    double Strike,
    OptionRight Right,
    double Forward,
    double LogMoneyness,
    double BidVol,
    double AskVol,
    double MidVol,
    double VegaUsd,
    double VenueMarkVol)
{
    /// <summary>Mid total implied variance w = σ_mid²·T for the slice tenor T (years).</summary>
    /// <param name="tenorYears">Slice tenor T in years.</param>
    public double MidTotalVariance(double tenorYears) => MidVol * MidVol * tenorYears;
}
