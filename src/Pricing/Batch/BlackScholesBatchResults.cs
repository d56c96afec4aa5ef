using Analytics.Pricing.Black;

namespace Analytics.Pricing.Batch;

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
