using Analytics.Pricing.Black;

namespace Analytics.Pricing.Batch;

/// <summary>
/// Structure-of-arrays inputs of a batch of European vanilla options under the generalised Black-Scholes-Merton
/// model with cost of carry b (Haug, <i>The Complete Guide to Option Pricing Formulas</i>, 2nd ed. 2007, §1.1.6):
/// element i of every column describes option i, with the units and conventions of
/// <see cref="BlackVanillaOptionInputs"/>. A view over caller-owned memory; nothing is copied.
/// </summary>
/// <remarks>
/// Columns must have equal lengths (checked here). Values are checked by <see cref="BlackScholesBatch.Price"/>:
/// spot, strike, tenor and volatility positive and finite, rate and carry finite.
/// </remarks>
public readonly ref struct BlackScholesBatchInputs
{
    /// <summary>Creates a view over equally long input columns.</summary>
    /// <param name="spot">Spot prices S (forwards for Black-76), &gt; 0, quote currency.</param>
    /// <param name="strike">Strikes K, &gt; 0, quote currency.</param>
    /// <param name="tenorYears">Times to expiry T in years (Act/365F), &gt; 0.</param>
    /// <param name="volatility">Lognormal volatilities σ, annualised decimals, &gt; 0.</param>
    /// <param name="rate">Risk-free rates r, continuously compounded annualised decimals (DF = e^{−rT}).</param>
    /// <param name="costOfCarry">Costs of carry b, continuously compounded annualised decimals (F = S·e^{bT}).</param>
    /// <param name="isCall"><see langword="true"/> for a call, <see langword="false"/> for a put.</param>
    /// <param name="carryConvention">For the whole batch: whether b = r − q moves with r (decides what Rho holds fixed).</param>
    /// <exception cref="ArgumentException">The columns differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="carryConvention"/> is undefined.</exception>
    public BlackScholesBatchInputs(
        ReadOnlySpan<double> spot,
        ReadOnlySpan<double> strike,
        ReadOnlySpan<double> tenorYears,
        ReadOnlySpan<double> volatility,
        ReadOnlySpan<double> rate,
        ReadOnlySpan<double> costOfCarry,
        ReadOnlySpan<bool> isCall,
        CarryConvention carryConvention)
    {
        int n = spot.Length;
        if (strike.Length != n || tenorYears.Length != n || volatility.Length != n || rate.Length != n
            || costOfCarry.Length != n || isCall.Length != n)
        {
            throw new ArgumentException("All input columns must have the same length.", nameof(spot));
        }

        Spot = spot;
        Strike = strike;
        TenorYears = tenorYears;
        Volatility = volatility;
        Rate = rate;
        CostOfCarry = costOfCarry;
        IsCall = isCall;
        CarryConvention = Guard.Defined(carryConvention, nameof(carryConvention));
    }

    /// <summary>Spot prices S (forwards for Black-76), &gt; 0, quote currency.</summary>
    public ReadOnlySpan<double> Spot { get; }

    /// <summary>Strikes K, &gt; 0, quote currency.</summary>
    public ReadOnlySpan<double> Strike { get; }

    /// <summary>Times to expiry T in years (Act/365F), &gt; 0.</summary>
    public ReadOnlySpan<double> TenorYears { get; }

    /// <summary>Lognormal volatilities σ, annualised decimals, &gt; 0.</summary>
    public ReadOnlySpan<double> Volatility { get; }

    /// <summary>Risk-free rates r, continuously compounded annualised decimals.</summary>
    public ReadOnlySpan<double> Rate { get; }

    /// <summary>Costs of carry b, continuously compounded annualised decimals.</summary>
    public ReadOnlySpan<double> CostOfCarry { get; }

    /// <summary><see langword="true"/> for a call, <see langword="false"/> for a put.</summary>
    public ReadOnlySpan<bool> IsCall { get; }

    /// <summary>Carry convention of the whole batch (see <see cref="Black.CarryConvention"/>).</summary>
    public CarryConvention CarryConvention { get; }

    /// <summary>Number of options.</summary>
    public int Length => Spot.Length;

    /// <summary>The options [start, start + length).</summary>
    internal BlackScholesBatchInputs Slice(int start, int length) => new(
        Spot.Slice(start, length), Strike.Slice(start, length), TenorYears.Slice(start, length),
        Volatility.Slice(start, length), Rate.Slice(start, length), CostOfCarry.Slice(start, length),
        IsCall.Slice(start, length), CarryConvention);
}
