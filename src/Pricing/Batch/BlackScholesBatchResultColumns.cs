namespace Analytics.Pricing.Batch;

/// <summary>
/// Heap-backed output columns for <see cref="BlackScholesBatch.PriceParallel"/>: present value and the nine
/// Greeks, units and conventions as <see cref="BlackScholesBatchResults"/> and <see cref="Greeks"/>.
/// </summary>
/// <param name="Price">Present values V, quote currency per unit of underlying.</param>
/// <param name="Delta">∂V/∂S.</param>
/// <param name="Gamma">∂²V/∂S².</param>
/// <param name="Vega">∂V/∂σ per 1.00 of volatility.</param>
/// <param name="Theta">∂V/∂t per year.</param>
/// <param name="Rho">∂V/∂r per 1.00 of rate.</param>
/// <param name="CarryRho">∂V/∂b per 1.00 of carry.</param>
/// <param name="Vanna">∂²V/∂S∂σ.</param>
/// <param name="Volga">∂²V/∂σ².</param>
/// <param name="Charm">∂Δ/∂t per year.</param>
public sealed record BlackScholesBatchResultColumns(
    Memory<double> Price,
    Memory<double> Delta,
    Memory<double> Gamma,
    Memory<double> Vega,
    Memory<double> Theta,
    Memory<double> Rho,
    Memory<double> CarryRho,
    Memory<double> Vanna,
    Memory<double> Volga,
    Memory<double> Charm)
{
    /// <summary>Ten new zeroed columns of <paramref name="length"/> elements.</summary>
    /// <param name="length">Number of options, ≥ 0.</param>
    /// <returns>The allocated columns.</returns>
    public static BlackScholesBatchResultColumns Allocate(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return new BlackScholesBatchResultColumns(
            new double[length], new double[length], new double[length], new double[length], new double[length],
            new double[length], new double[length], new double[length], new double[length], new double[length]);
    }

    /// <summary>The span view of the options [start, start + length) (checks that the columns have equal lengths).</summary>
    /// <param name="start">First option.</param>
    /// <param name="length">Number of options.</param>
    /// <returns>The columns as spans.</returns>
    public BlackScholesBatchResults AsSpans(int start, int length) => new(
        Price.Span.Slice(start, length), Delta.Span.Slice(start, length), Gamma.Span.Slice(start, length),
        Vega.Span.Slice(start, length), Theta.Span.Slice(start, length), Rho.Span.Slice(start, length),
        CarryRho.Span.Slice(start, length), Vanna.Span.Slice(start, length), Volga.Span.Slice(start, length),
        Charm.Span.Slice(start, length));

    /// <summary>The span view of all options.</summary>
    /// <returns>The columns as spans.</returns>
    /// <exception cref="ArgumentException">The columns differ in length.</exception>
    public BlackScholesBatchResults AsSpans() => new(
        Price.Span, Delta.Span, Gamma.Span, Vega.Span, Theta.Span, Rho.Span, CarryRho.Span, Vanna.Span, Volga.Span, Charm.Span);
}
