namespace Analytics.Pricing.Surfaces;

/// <summary>A forward implied from put-call parity, with the regression's diagnostics.</summary>
/// <param name="IsEstimated">Whether a forward was found; otherwise <see cref="Reason"/> says why.</param>
/// <param name="Forward">Forward F_T in USD (NaN when not estimated).</param>
/// <param name="DiscountFactor">Discount factor DF implied by the regression (slope), NaN when not estimated.</param>
/// <param name="Pairs">Strikes with both rights used.</param>
/// <param name="Downweighted">Pairs whose final Huber weight is below 1 (residual beyond the Huber threshold): the outliers.</param>
/// <param name="Reason">Why no forward was found; empty when estimated.</param>
public sealed record ParityForwardEstimate(
    bool IsEstimated, double Forward, double DiscountFactor, int Pairs, int Downweighted, string Reason);
