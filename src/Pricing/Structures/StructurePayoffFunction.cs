using Analytics.Pricing.Engines;
using Analytics.Pricing.L2;
using Analytics.Pricing.Limits;

namespace Analytics.Pricing.Structures;

/// <summary>
/// The position P&amp;L of a structure at its first expiry T₁ as a function of the spot there, net of the premium:
/// legs expiring at T₁ pay intrinsic value, later legs (calendars) are valued at T₁ by their engine over the
/// remaining tenor τ = T − T₁ with the same vol, rate and carry (Black-Scholes-Merton for European legs; Haug 2007,
/// §1.1.6). Also the exact behaviour as S → ∞ (slope and intercept of the asymptote), so that unbounded profits and
/// losses are found from the formula rather than from the end of a grid.
/// </summary>
internal sealed class StructurePayoffFunction
{
    /// <summary>Tenors within this many years of T₁ count as expiring at T₁.</summary>
    private const double SameExpiryYears = 1e-12;

    private readonly PayoffLeg[] _legs;
    private readonly double _rate;
    private readonly CarrySpecification _carry;
    private readonly double _premium;

    internal StructurePayoffFunction(IEnumerable<PayoffLeg> legs, double firstExpiryYears, double rate, CarrySpecification carry, double premium)
    {
        _legs = legs
            .Select(leg => leg with { RemainingYears = leg.RemainingYears - firstExpiryYears <= SameExpiryYears ? 0.0 : leg.RemainingYears - firstExpiryYears })
            .ToArray();
        _rate = rate;
        _carry = carry;
        _premium = premium;
        HasLaterLegs = _legs.Any(leg => leg.RemainingYears > 0.0);
        Strikes = _legs.Select(leg => leg.Strike).Distinct().Order().ToArray();
        QuantityScale = _legs.Sum(leg => Math.Abs(leg.Quantity));

        double slope = 0.0;
        double intercept = -premium;
        foreach (var leg in _legs.Where(leg => leg.IsCall))
        {
            (double a, double c) = CallAsymptote(leg);
            slope += leg.Quantity * a;
            intercept += leg.Quantity * c;
        }

        SlopeAtInfinity = slope;
        InterceptAtInfinity = intercept;
    }

    /// <summary>Whether some leg outlives T₁ (the P&amp;L is then smooth between strikes, not piecewise linear).</summary>
    internal bool HasLaterLegs { get; }

    /// <summary>Distinct strikes, ascending.</summary>
    internal IReadOnlyList<double> Strikes { get; }

    /// <summary>Σ|qᵢ|, the scale of slopes.</summary>
    internal double QuantityScale { get; }

    /// <summary>lim d(P&amp;L)/dS as S → ∞ (puts contribute 0).</summary>
    internal double SlopeAtInfinity { get; }

    /// <summary>lim P&amp;L − slope·S as S → ∞, premium included.</summary>
    internal double InterceptAtInfinity { get; }

    /// <summary>Position P&amp;L at spot <paramref name="spot"/> ≥ 0 at T₁, net of premium, USD.</summary>
    internal double Evaluate(double spot)
    {
        double value = -_premium;
        foreach (var leg in _legs)
        {
            value += leg.Quantity * LegValue(leg, spot);
        }

        return value;
    }

    private double LegValue(PayoffLeg leg, double spot)
    {
        if (leg.RemainingYears == 0.0)
        {
            // The legs expiring at T₁, on every point of the payoff grid: the intrinsic value without building terms.
            double intrinsic = leg.IsCall ? spot - leg.Strike : leg.Strike - spot;
            return intrinsic > 0.0 ? intrinsic : 0.0;
        }

        var right = leg.IsCall ? OptionRight.Call : OptionRight.Put;
        var terms = new VanillaOptionTerms(
            right, leg.Engine.Style, spot, leg.Strike, leg.RemainingYears, leg.Volatility, _rate, _carry.CostOfCarry, _carry.Convention);
        if (VanillaOptionLimits.Of(terms) is not null)
        {
            // S = 0, σ = 0 or K = 0: the exact limit (issue 14 item 1), which the engines do not take.
            return VanillaOptionLimits.Price(terms).Price;
        }

        try
        {
            return leg.Engine.PresentValue(terms.ToInputs());
        }
        catch (Exception e) when (VanillaOptionLimits.IsRefusal(e))
        {
            // An engine refusing the inputs (a lattice beyond its steps): what the single price answers then.
            return VanillaOptionLimits.Extreme(terms).Price;
        }
    }

    /// <summary>
    /// A call's value ~ a·S + c as S → ∞: at expiry S − K; European with τ left S·e^{(b−r)τ} − K·e^{−rτ};
    /// American the larger of that and immediate exercise S − K.
    /// </summary>
    private (double Slope, double Intercept) CallAsymptote(PayoffLeg leg)
    {
        if (leg.RemainingYears == 0.0)
        {
            return (1.0, -leg.Strike);
        }

        double growth = Math.Exp((_carry.CostOfCarry - _rate) * leg.RemainingYears);
        double discountedStrike = leg.Strike * Math.Exp(-_rate * leg.RemainingYears);
        if (leg.Engine.Style == OptionExerciseStyle.European || growth > 1.0)
        {
            return (growth, -discountedStrike);
        }

        return growth < 1.0 ? (1.0, -leg.Strike) : (1.0, Math.Max(-leg.Strike, -discountedStrike));
    }

    /// <summary>One leg as the payoff sees it.</summary>
    /// <param name="IsCall">Call or put.</param>
    /// <param name="Strike">Strike, USD.</param>
    /// <param name="Quantity">Position quantity.</param>
    /// <param name="RemainingYears">The leg's tenor (from valuation); the constructor turns it into the tenor left at T₁.</param>
    /// <param name="Volatility">Vol, annualised decimal.</param>
    /// <param name="Engine">Engine for valuing it after T₁.</param>
    internal sealed record PayoffLeg(bool IsCall, double Strike, double Quantity, double RemainingYears, double Volatility, VanillaOptionEngine Engine);
}
