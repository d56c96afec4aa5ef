using Analytics.Pricing.Black;
using Analytics.Pricing.Engines;

namespace Analytics.Pricing.Limits;

/// <summary>
/// A vanilla option and its market as plain numbers, where zero spot, strike, tenor and volatility are allowed
/// (unlike <see cref="BlackVanillaOptionInputs"/>, which the engines take and which requires them &gt; 0).
/// Generalised Black-Scholes-Merton with cost of carry b (Haug 2007, §1.1.6). Immutable; validated on construction.
/// </summary>
public sealed record VanillaOptionTerms
{
    /// <summary>Creates validated terms.</summary>
    /// <param name="right">Call or put.</param>
    /// <param name="style">European or American exercise.</param>
    /// <param name="spot">Spot S (the forward under Black-76), ≥ 0, quote currency.</param>
    /// <param name="strike">Strike K, ≥ 0, quote currency.</param>
    /// <param name="tenorYears">Time to expiry T, years, ≥ 0.</param>
    /// <param name="volatility">Lognormal volatility σ, annualised decimal, ≥ 0.</param>
    /// <param name="rate">Risk-free rate r, continuously compounded annualised decimal, finite.</param>
    /// <param name="costOfCarry">Cost of carry b, annualised decimal, finite.</param>
    /// <param name="carryConvention">Whether b moves with r (rho convention, as in <see cref="BlackVanillaOptionInputs"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative or not finite, or an enum is undefined.</exception>
    public VanillaOptionTerms(
        OptionRight right, OptionExerciseStyle style, double spot, double strike, double tenorYears, double volatility,
        double rate, double costOfCarry, CarryConvention carryConvention)
    {
        Right = Guard.Defined(right, nameof(right));
        Style = Guard.Defined(style, nameof(style));
        Spot = NonNegative(spot, nameof(spot));
        Strike = NonNegative(strike, nameof(strike));
        TenorYears = NonNegative(tenorYears, nameof(tenorYears));
        Volatility = NonNegative(volatility, nameof(volatility));
        Rate = Guard.Finite(rate, nameof(rate));
        CostOfCarry = Guard.Finite(costOfCarry, nameof(costOfCarry));
        CarryConvention = Guard.Defined(carryConvention, nameof(carryConvention));
    }

    /// <summary>Call or put.</summary>
    public OptionRight Right { get; }

    /// <summary>European or American exercise.</summary>
    public OptionExerciseStyle Style { get; }

    /// <summary>Spot S, ≥ 0.</summary>
    public double Spot { get; }

    /// <summary>Strike K, ≥ 0.</summary>
    public double Strike { get; }

    /// <summary>Tenor T in years, ≥ 0.</summary>
    public double TenorYears { get; }

    /// <summary>Volatility σ, ≥ 0.</summary>
    public double Volatility { get; }

    /// <summary>Rate r.</summary>
    public double Rate { get; }

    /// <summary>Cost of carry b.</summary>
    public double CostOfCarry { get; }

    /// <summary>Whether b moves with r.</summary>
    public CarryConvention CarryConvention { get; }

    /// <summary>True for a call.</summary>
    public bool IsCall => Right == OptionRight.Call;

    /// <summary>The engines' inputs; only for terms whose <see cref="VanillaOptionLimits.Of"/> is
    /// <see langword="null"/> (every price, tenor and vol &gt; 0).</summary>
    /// <returns>The inputs.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A price, the tenor or the vol is 0.</exception>
    public BlackVanillaOptionInputs ToInputs() =>
        new(Right, Spot, Strike, TenorYears, Volatility, Rate, CostOfCarry, CarryConvention);

    private static double NonNegative(double value, string name) =>
        double.IsFinite(value) && value >= 0.0
            ? value
            : throw new ArgumentOutOfRangeException(name, value, "Must be a finite number ≥ 0.");
}
