namespace Analytics.Pricing.Surfaces;

/// <summary>
/// Carry-model forward F(T) = S·e^{bT} used when neither a venue forward nor put-call parity is available
/// (Haug, <i>The Complete Guide to Option Pricing Formulas</i>, 2nd ed. 2007, §1.1.6).
/// </summary>
/// <param name="SpotUsd">Spot (index) price S in USD, &gt; 0.</param>
/// <param name="CostOfCarry">Cost of carry b, continuously compounded annualised decimal.</param>
public sealed record CarryForwardModel(double SpotUsd, double CostOfCarry)
{
    /// <summary>Forward S·e^{bT} in USD.</summary>
    /// <param name="tenorYears">Tenor T in years (Act/365F).</param>
    public double Forward(double tenorYears) => SpotUsd * Math.Exp(CostOfCarry * tenorYears);
}
