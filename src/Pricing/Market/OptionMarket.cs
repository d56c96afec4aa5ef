using Analytics.Pricing.Black;

namespace Analytics.Pricing.Market;

/// <summary>
/// The market an <see cref="OptionContract"/> is valued in at one instant: the underlying's spot (or forward, for
/// Black-76), its lognormal volatility, the discount rate and the cost of carry (Haug, <i>The Complete Guide to Option
/// Pricing Formulas</i>, 2nd ed. 2007, §1.1.6). Rates and volatility are annualised decimals, rates continuously
/// compounded (PRODUCT.md §5). Immutable and validated on construction and in <c>with</c> expressions.
/// </summary>
public sealed record OptionMarket
{
    /// <summary>Creates validated market inputs with an explicit cost of carry.</summary>
    /// <param name="valuationUtc">The valuation instant the tenor runs from.</param>
    /// <param name="spot">Spot price S of the underlying (the forward F when <paramref name="costOfCarry"/> is 0 under Black-76), &gt; 0, quote currency.</param>
    /// <param name="lognormalVol">Lognormal (Black) volatility σ, annualised decimal, &gt; 0.</param>
    /// <param name="rate">Discount rate r, continuously compounded annualised decimal.</param>
    /// <param name="costOfCarry">Cost of carry b (F = S·e^{bT}), annualised decimal.</param>
    /// <param name="carryConvention">Whether b moves with r (b = r − q) or is held fixed; decides what Rho holds fixed.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is not finite, the spot or vol is ≤ 0, or the convention is undefined.</exception>
    public OptionMarket(
        DateTimeOffset valuationUtc, double spot, double lognormalVol, double rate, double costOfCarry, CarryConvention carryConvention)
    {
        ValuationUtc = valuationUtc;
        Spot = spot;
        LognormalVol = lognormalVol;
        Rate = rate;
        CostOfCarry = costOfCarry;
        CarryConvention = carryConvention;
    }

    /// <summary>The valuation instant.</summary>
    public DateTimeOffset ValuationUtc { get; init; }

    /// <summary>Spot price S (the forward F for Black-76), &gt; 0, quote currency.</summary>
    public double Spot { get; init => field = Guard.PositiveFinite(value, nameof(Spot)); }

    /// <summary>Lognormal volatility σ, annualised decimal (0.8 = 80 %), &gt; 0.</summary>
    public double LognormalVol { get; init => field = Guard.PositiveFinite(value, nameof(LognormalVol)); }

    /// <summary>Discount rate r, continuously compounded annualised decimal.</summary>
    public double Rate { get; init => field = Guard.Finite(value, nameof(Rate)); }

    /// <summary>Cost of carry b, annualised decimal.</summary>
    public double CostOfCarry { get; init => field = Guard.Finite(value, nameof(CostOfCarry)); }

    /// <summary>Whether b = r − q moves with r or is held fixed.</summary>
    public CarryConvention CarryConvention { get; init => field = Guard.Defined(value, nameof(CarryConvention)); }

    /// <summary>Merton (1973): an underlying with continuous dividend yield q, b = r − q moving with r (Haug 2007, §1.1.6).</summary>
    /// <param name="valuationUtc">The valuation instant.</param>
    /// <param name="spot">Spot price S, &gt; 0.</param>
    /// <param name="lognormalVol">Lognormal volatility σ, &gt; 0.</param>
    /// <param name="rate">Discount rate r.</param>
    /// <param name="dividendYield">Continuous dividend yield q.</param>
    /// <returns>The market with b = r − q and <see cref="CarryConvention.RateMinusDividendYield"/>.</returns>
    public static OptionMarket WithDividendYield(DateTimeOffset valuationUtc, double spot, double lognormalVol, double rate, double dividendYield) =>
        new(valuationUtc, spot, lognormalVol, Guard.Finite(rate, nameof(rate)), rate - Guard.Finite(dividendYield, nameof(dividendYield)),
            CarryConvention.RateMinusDividendYield);

    /// <summary>Black (1976): the forward F for the option's expiry, no carry (b = 0 held fixed), discounted at r (Haug 2007, §1.1.3).</summary>
    /// <param name="valuationUtc">The valuation instant.</param>
    /// <param name="forward">Forward price F, &gt; 0.</param>
    /// <param name="lognormalVol">Lognormal volatility σ of the forward, &gt; 0.</param>
    /// <param name="rate">Discount rate r.</param>
    /// <returns>The market with S = F, b = 0 and <see cref="CarryConvention.Fixed"/>.</returns>
    public static OptionMarket OnForward(DateTimeOffset valuationUtc, double forward, double lognormalVol, double rate) =>
        new(valuationUtc, forward, lognormalVol, rate, 0.0, CarryConvention.Fixed);
}
