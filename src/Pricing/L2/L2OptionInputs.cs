using Analytics.Pricing.Black;

namespace Analytics.Pricing.L2;

/// <summary>
/// One vanilla option priced under the L2 cost-of-carry model (PRODUCT.md §3.4): the option and its market
/// (generalised Black-Scholes-Merton with cost of carry, Haug 2007 §1.1.6), the resolved carry and the trade terms
/// on the chain. Immutable; validated on construction and in <c>with</c> expressions, throwing
/// <see cref="ArgumentOutOfRangeException"/> or <see cref="ArgumentNullException"/> for programmer errors.
/// </summary>
public sealed record L2OptionInputs
{
    /// <summary>Creates validated inputs.</summary>
    /// <param name="right">Call or put.</param>
    /// <param name="spot">Spot S of the underlying, ≥ 0, USD (0 is priced at its limit, <see cref="Limits.VanillaOptionLimit.ZeroSpot"/>).</param>
    /// <param name="strike">Strike K, ≥ 0, USD (0 is priced at its limit, <see cref="Limits.VanillaOptionLimit.ZeroStrike"/>).</param>
    /// <param name="tenorYears">Time to expiry T in years (Act/365F), ≥ 0 (0 is the expiry instant, <see cref="Limits.VanillaOptionLimit.Expiry"/>).</param>
    /// <param name="volatility">Mid lognormal volatility σ, annualised decimal, ≥ 0 (0 is priced at its limit, <see cref="Limits.VanillaOptionLimit.ZeroVolatility"/>).</param>
    /// <param name="rate">Discount (collateral) rate r, continuously compounded annualised decimal.</param>
    /// <param name="carry">Cost of carry b and its source (for <c>rates</c>, built from the same r).</param>
    /// <param name="terms">Chain, settlement, contracts, re-hedging and fees.</param>
    public L2OptionInputs(
        OptionRight right,
        double spot,
        double strike,
        double tenorYears,
        double volatility,
        double rate,
        CarrySpecification carry,
        L2TradeTerms terms)
    {
        Right = right;
        Spot = spot;
        Strike = strike;
        TenorYears = tenorYears;
        Volatility = volatility;
        Rate = rate;
        Carry = carry;
        Terms = terms;
    }

    /// <summary>Call or put.</summary>
    public OptionRight Right { get; init => field = Guard.Defined(value, nameof(Right)); }

    /// <summary>Spot S of the underlying, ≥ 0, USD.</summary>
    public double Spot { get; init => field = L2Guard.NonNegativeFinite(value, nameof(Spot)); }

    /// <summary>Strike K, ≥ 0, USD.</summary>
    public double Strike { get; init => field = L2Guard.NonNegativeFinite(value, nameof(Strike)); }

    /// <summary>Time to expiry T in years (Act/365F), ≥ 0.</summary>
    public double TenorYears { get; init => field = L2Guard.NonNegativeFinite(value, nameof(TenorYears)); }

    /// <summary>Mid lognormal volatility σ, annualised decimal, ≥ 0.</summary>
    public double Volatility { get; init => field = L2Guard.NonNegativeFinite(value, nameof(Volatility)); }

    /// <summary>Discount rate r, continuously compounded annualised decimal.</summary>
    public double Rate { get; init => field = Guard.Finite(value, nameof(Rate)); }

    /// <summary>Cost of carry b (finite) and where it came from.</summary>
    public CarrySpecification Carry
    {
        get;
        init
        {
            Guard.Defined(value.Source, nameof(Carry));
            Guard.Finite(value.CostOfCarry, nameof(Carry));
            field = value;
        }
    }

    /// <summary>The trade terms on the chain.</summary>
    public L2TradeTerms Terms { get; init => field = value ?? throw new ArgumentNullException(nameof(Terms)); }

    /// <summary>The engine inputs at a given volatility: same option, market and carry over the tenor T.</summary>
    /// <param name="volatility">Lognormal volatility, annualised decimal, &gt; 0.</param>
    /// <returns>Validated generalised-BSM inputs.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The spot, strike, tenor or vol is 0 (see <see cref="ToTerms(Engines.OptionExerciseStyle)"/>).</exception>
    public BlackVanillaOptionInputs ToBlackInputs(double volatility) =>
        new(Right, Spot, Strike, TenorYears, volatility, Rate, Carry.CostOfCarry, Carry.Convention);

    /// <summary>The option as <see cref="Limits.VanillaOptionLimits"/> sees it (zero spot, strike, tenor and vol allowed), at σ.</summary>
    /// <param name="style">The exercise style of the engine that prices it.</param>
    /// <returns>Validated terms.</returns>
    public Limits.VanillaOptionTerms ToTerms(Engines.OptionExerciseStyle style) => ToTerms(style, Volatility);

    /// <summary>The option as <see cref="Limits.VanillaOptionLimits"/> sees it at another vol (a Leland bid or ask vol).</summary>
    /// <param name="style">The exercise style of the engine that prices it.</param>
    /// <param name="volatility">Lognormal volatility, annualised decimal, ≥ 0.</param>
    /// <returns>Validated terms.</returns>
    public Limits.VanillaOptionTerms ToTerms(Engines.OptionExerciseStyle style, double volatility) =>
        new(Right, style, Spot, Strike, TenorYears, volatility, Rate, Carry.CostOfCarry, Carry.Convention);
}
