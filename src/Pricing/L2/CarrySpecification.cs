using Analytics.Pricing.Black;

namespace Analytics.Pricing.L2;

/// <summary>
/// The cost of carry b of an L2 price and where it came from, so that a result can report both
/// (PRODUCT.md §3.4 part 1). The forward is F = S·e^{bT} (Haug, <i>The Complete Guide to Option Pricing
/// Formulas</i>, 2nd ed. 2007, §1.1.6). An immutable value; build it with <see cref="FromRates"/>,
/// <see cref="FromFunding"/> or <see cref="FromExplicit"/>, which validate. The default value is
/// <c>rates</c> carry with b = 0.
/// </summary>
/// <param name="Source">Which source supplied b.</param>
/// <param name="CostOfCarry">The cost of carry b, continuously compounded annualised decimal (0.05 = 5 %).</param>
public readonly record struct CarrySpecification(CarrySource Source, double CostOfCarry)
{
    /// <summary>
    /// How b relates to r for the Greeks: <c>rates</c> carry moves with r (ρ taken with q fixed), funding and
    /// explicit carry are held fixed (API.md "Pricing").
    /// </summary>
    public CarryConvention Convention =>
        Source == CarrySource.Rates ? CarryConvention.RateMinusDividendYield : CarryConvention.Fixed;

    /// <summary><c>rates</c> carry: b = r − q (Merton 1973; Haug 2007, §1.1.6).</summary>
    /// <param name="rate">Collateral (risk-free) rate r, continuously compounded annualised decimal.</param>
    /// <param name="dividendYield">Underlying yield q (staking yield, for instance), continuously compounded annualised decimal.</param>
    /// <returns>The specification with b = r − q.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is not finite.</exception>
    public static CarrySpecification FromRates(double rate, double dividendYield)
    {
        Guard.Finite(rate, nameof(rate));
        Guard.Finite(dividendYield, nameof(dividendYield));
        return new CarrySpecification(CarrySource.Rates, rate - dividendYield);
    }

    /// <summary>
    /// <c>funding</c> carry: b = the annualised, time-weighted mean perp funding rate (positive: longs pay shorts),
    /// already converted by the caller with ratePerInterval × 8760 / intervalHours (PRODUCT.md §3.4 part 1).
    /// </summary>
    /// <param name="fundingRateAnnualised">Annualised funding rate, decimal per year.</param>
    /// <returns>The specification with b = <paramref name="fundingRateAnnualised"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite.</exception>
    public static CarrySpecification FromFunding(double fundingRateAnnualised) =>
        new(CarrySource.Funding, Guard.Finite(fundingRateAnnualised, nameof(fundingRateAnnualised)));

    /// <summary><c>explicit</c> carry: b as given.</summary>
    /// <param name="costOfCarry">Cost of carry b, continuously compounded annualised decimal.</param>
    /// <returns>The specification with the given b.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite.</exception>
    public static CarrySpecification FromExplicit(double costOfCarry) =>
        new(CarrySource.Explicit, Guard.Finite(costOfCarry, nameof(costOfCarry)));
}
