using Analytics.Pricing.L2;

namespace Analytics.Pricing.Structures;

/// <summary>
/// The market a structure is priced in: spot, the default vol for legs without their own, the discount rate and
/// the cost of carry (generalised Black-Scholes-Merton, Haug 2007 §1.1.6). Immutable; validated on construction
/// and in <c>with</c> expressions (<see cref="ArgumentOutOfRangeException"/>).
/// </summary>
public sealed record StructureMarket
{
    /// <summary>Creates a validated market.</summary>
    /// <param name="spot">Spot S of the underlying, &gt; 0, USD.</param>
    /// <param name="volatility">Lognormal vol for legs without their own, annualised decimal, ≥ 0 (0: the deterministic limit,
    /// priced without the L2 model only).</param>
    /// <param name="rate">Discount rate r, continuously compounded annualised decimal.</param>
    /// <param name="carry">Cost of carry b and its source.</param>
    public StructureMarket(double spot, double volatility, double rate, CarrySpecification carry)
    {
        Spot = spot;
        Volatility = volatility;
        Rate = rate;
        Carry = carry;
    }

    /// <summary>Spot S, &gt; 0, USD.</summary>
    public double Spot { get; init => field = Guard.PositiveFinite(value, nameof(Spot)); }

    /// <summary>Default lognormal vol, annualised decimal, ≥ 0.</summary>
    public double Volatility { get; init => field = Guard.NonNegativeFinite(value, nameof(Volatility)); }

    /// <summary>Discount rate r, continuously compounded annualised decimal.</summary>
    public double Rate { get; init => field = Guard.Finite(value, nameof(Rate)); }

    /// <summary>Cost of carry b (finite) and its source.</summary>
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
}
