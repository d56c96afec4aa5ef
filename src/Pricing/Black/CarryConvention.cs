namespace Analytics.Pricing.Black;

/// <summary>
/// How the cost of carry b relates to the discount rate r, which decides what <see cref="Greeks.Rho"/>
/// (∂V/∂r) holds fixed (API.md "Pricing": rho is taken with the dividend yield held fixed).
/// Terminology after Haug, <i>The Complete Guide to Option Pricing Formulas</i>, 2nd ed. 2007, §1.1.6.
/// </summary>
public enum CarryConvention
{
    /// <summary>
    /// b = r − q with the dividend (or foreign-rate) yield q fixed: bumping r moves b by the same amount,
    /// so Rho = ∂V/∂r|_q = −T·V + CarryRho (Merton 1973; Garman-Kohlhagen 1983 for FX). The API's
    /// <c>carrySource: "rates"</c>.
    /// </summary>
    RateMinusDividendYield = 0,

    /// <summary>
    /// b is given explicitly and does not move with r (an explicit <c>carryRate</c>, a funding-rate carry,
    /// or Black-76 on a forward with b = 0), so Rho = ∂V/∂r|_b = −T·V.
    /// </summary>
    Fixed = 1,
}
