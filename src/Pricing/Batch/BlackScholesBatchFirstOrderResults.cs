namespace Analytics.Pricing.Batch;

/// <summary>
/// Structure-of-arrays outputs of <see cref="BlackScholesBatch.PriceFirstOrder"/>: present value and the first-order
/// Greeks (and gamma), element i for option i, with the units and conventions of <see cref="Greeks"/> (plain partial
/// derivatives, vega per 1.00 of volatility, theta per year). A view over caller-owned memory.
/// </summary>
public readonly ref struct BlackScholesBatchFirstOrderResults
{
    /// <summary>Creates a view over equally long output columns.</summary>
    /// <param name="price">Present values V, quote currency per unit of underlying.</param>
    /// <param name="delta">∂V/∂S.</param>
    /// <param name="gamma">∂²V/∂S².</param>
    /// <param name="vega">∂V/∂σ per 1.00 of volatility.</param>
    /// <param name="theta">∂V/∂t per year of calendar time.</param>
    /// <param name="rho">∂V/∂r per 1.00 of rate (dividend yield fixed under the batch's carry convention).</param>
    /// <param name="carryRho">∂V/∂b per 1.00 of carry.</param>
    /// <exception cref="ArgumentException">The columns differ in length.</exception>
    public BlackScholesBatchFirstOrderResults(
        Span<double> price,
        Span<double> delta,
        Span<double> gamma,
        Span<double> vega,
        Span<double> theta,
        Span<double> rho,
        Span<double> carryRho)
    {
        int n = price.Length;
        if (delta.Length != n || gamma.Length != n || vega.Length != n || theta.Length != n || rho.Length != n
            || carryRho.Length != n)
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

    /// <summary>Number of options.</summary>
    public int Length => Price.Length;

    /// <summary>Writes one option's scalar result at <paramref name="index"/>.</summary>
    internal void Set(int index, in Black.BlackVanillaFirstOrderResult result)
    {
        Price[index] = result.Price;
        Delta[index] = result.Delta;
        Gamma[index] = result.Gamma;
        Vega[index] = result.Vega;
        Theta[index] = result.Theta;
        Rho[index] = result.Rho;
        CarryRho[index] = result.CarryRho;
    }
}
