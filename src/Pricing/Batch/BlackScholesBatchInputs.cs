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

/// <summary>
/// Structure-of-arrays outputs of <see cref="BlackScholesBatch"/>: present value and the nine Greeks of
/// <see cref="Greeks"/> (same units and conventions: plain partial derivatives, vega per 1.00 of volatility,
/// theta and charm per year), element i for option i. A view over caller-owned memory.
/// </summary>
public readonly ref struct BlackScholesBatchResults
{
    /// <summary>Creates a view over equally long output columns.</summary>
    /// <param name="price">Present values V, quote currency per unit of underlying.</param>
    /// <param name="delta">∂V/∂S.</param>
    /// <param name="gamma">∂²V/∂S².</param>
    /// <param name="vega">∂V/∂σ per 1.00 of volatility.</param>
    /// <param name="theta">∂V/∂t per year of calendar time.</param>
    /// <param name="rho">∂V/∂r per 1.00 of rate (dividend yield fixed under the batch's carry convention).</param>
    /// <param name="carryRho">∂V/∂b per 1.00 of carry.</param>
    /// <param name="vanna">∂²V/∂S∂σ.</param>
    /// <param name="volga">∂²V/∂σ².</param>
    /// <param name="charm">∂Δ/∂t per year of calendar time.</param>
    /// <exception cref="ArgumentException">The columns differ in length.</exception>
    public BlackScholesBatchResults(
        Span<double> price,
        Span<double> delta,
        Span<double> gamma,
        Span<double> vega,
        Span<double> theta,
        Span<double> rho,
        Span<double> carryRho,
        Span<double> vanna,
        Span<double> volga,
        Span<double> charm)
    {
        int n = price.Length;
        if (delta.Length != n || gamma.Length != n || vega.Length != n || theta.Length != n || rho.Length != n
            || carryRho.Length != n || vanna.Length != n || volga.Length != n || charm.Length != n)
        {
            throw new ArgumentException("All output columns must have the same length.", nameof(price));
        }

        Price = price;
        Delta = delta;
        Gamma = gamma;
        Vega = vega;
        Theta = theta;
        Rho = rho;
        CarryRho = carryRho;
        Vanna = vanna;
        Volga = volga;
        Charm = charm;
    }

    /// <summary>Present values V, quote currency per unit of underlying.</summary>
    public Span<double> Price { get; }

    /// <summary>Deltas ∂V/∂S.</summary>
    public Span<double> Delta { get; }

    /// <summary>Gammas ∂²V/∂S².</summary>
    public Span<double> Gamma { get; }

    /// <summary>Vegas ∂V/∂σ per 1.00 of volatility.</summary>
    public Span<double> Vega { get; }

    /// <summary>Thetas ∂V/∂t per year.</summary>
    public Span<double> Theta { get; }

    /// <summary>Rhos ∂V/∂r per 1.00 of rate.</summary>
    public Span<double> Rho { get; }

    /// <summary>Carry rhos ∂V/∂b per 1.00 of carry.</summary>
    public Span<double> CarryRho { get; }

    /// <summary>Vannas ∂²V/∂S∂σ.</summary>
    public Span<double> Vanna { get; }

    /// <summary>Volgas ∂²V/∂σ².</summary>
    public Span<double> Volga { get; }

    /// <summary>Charms ∂Δ/∂t per year.</summary>
    public Span<double> Charm { get; }

    /// <summary>Number of options.</summary>
    public int Length => Price.Length;

    /// <summary>Writes one option's scalar result at <paramref name="index"/>.</summary>
    internal void Set(int index, in BlackVanillaOptionResult result)
    {
        Price[index] = result.Price;
        Delta[index] = result.Greeks.Delta;
        Gamma[index] = result.Greeks.Gamma;
        Vega[index] = result.Greeks.Vega;
        Theta[index] = result.Greeks.Theta;
        Rho[index] = result.Greeks.Rho;
        CarryRho[index] = result.Greeks.CarryRho;
        Vanna[index] = result.Greeks.Vanna;
        Volga[index] = result.Greeks.Volga;
        Charm[index] = result.Greeks.Charm;
    }

    /// <summary>The options [start, start + length).</summary>
    internal BlackScholesBatchResults Slice(int start, int length) => new(
        Price.Slice(start, length), Delta.Slice(start, length), Gamma.Slice(start, length), Vega.Slice(start, length),
        Theta.Slice(start, length), Rho.Slice(start, length), CarryRho.Slice(start, length), Vanna.Slice(start, length),
        Volga.Slice(start, length), Charm.Slice(start, length));
}
