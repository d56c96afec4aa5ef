using Analytics.Pricing.Black;

namespace Analytics.Pricing.Risk;

/// <summary>
/// One underlying's market for scenario valuation: spot S, discount rate r and cost of carry b (F = S·e^{bT}), annualised
/// continuously compounded decimals (Haug, <i>The Complete Guide to Option Pricing Formulas</i>, 2nd ed. 2007, §1.1.6).
/// Immutable and validated on construction.
/// </summary>
public sealed record UnderlyingMarket
{
    /// <summary>Creates a validated underlying market.</summary>
    /// <param name="spot">Spot S, &gt; 0, quote currency.</param>
    /// <param name="rate">Discount rate r.</param>
    /// <param name="costOfCarry">Cost of carry b.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is not finite or the spot is ≤ 0.</exception>
    public UnderlyingMarket(double spot, double rate, double costOfCarry)
    {
        Spot = spot;
        Rate = rate;
        CostOfCarry = costOfCarry;
    }

    /// <summary>Spot S, &gt; 0, quote currency.</summary>
    public double Spot { get; init => field = Guard.PositiveFinite(value, nameof(Spot)); }

    /// <summary>Discount rate r, continuously compounded annualised decimal.</summary>
    public double Rate { get; init => field = Guard.Finite(value, nameof(Rate)); }

    /// <summary>Cost of carry b, annualised decimal (see <see cref="BlackVanillaOptionInputs.CostOfCarry"/>).</summary>
    public double CostOfCarry { get; init => field = Guard.Finite(value, nameof(CostOfCarry)); }
}
