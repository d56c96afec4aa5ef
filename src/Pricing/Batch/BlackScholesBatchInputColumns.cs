using Analytics.Pricing.Black;

namespace Analytics.Pricing.Batch;

/// <summary>
/// Heap-backed input columns of a batch for <see cref="BlackScholesBatch.PriceParallel"/> (spans cannot cross
/// threads): the same columns, units and conventions as <see cref="BlackScholesBatchInputs"/>.
/// </summary>
/// <param name="Spot">Spot prices S (forwards for Black-76), &gt; 0, quote currency.</param>
/// <param name="Strike">Strikes K, &gt; 0, quote currency.</param>
/// <param name="TenorYears">Times to expiry T in years (Act/365F), &gt; 0.</param>
/// <param name="Volatility">Lognormal volatilities σ, annualised decimals, &gt; 0.</param>
/// <param name="Rate">Risk-free rates r, continuously compounded annualised decimals.</param>
/// <param name="CostOfCarry">Costs of carry b, continuously compounded annualised decimals.</param>
/// <param name="IsCall"><see langword="true"/> for a call, <see langword="false"/> for a put.</param>
/// <param name="CarryConvention">Carry convention of the whole batch.</param>
public sealed record BlackScholesBatchInputColumns(
    ReadOnlyMemory<double> Spot,
    ReadOnlyMemory<double> Strike,
    ReadOnlyMemory<double> TenorYears,
    ReadOnlyMemory<double> Volatility,
    ReadOnlyMemory<double> Rate,
    ReadOnlyMemory<double> CostOfCarry,
    ReadOnlyMemory<bool> IsCall,
    CarryConvention CarryConvention)
{
    /// <summary>The span view of the options [start, start + length) (checks that the columns have equal lengths).</summary>
    /// <param name="start">First option.</param>
    /// <param name="length">Number of options.</param>
    /// <returns>The columns as spans.</returns>
    public BlackScholesBatchInputs AsSpans(int start, int length) => new(
        Spot.Span.Slice(start, length), Strike.Span.Slice(start, length), TenorYears.Span.Slice(start, length),
        Volatility.Span.Slice(start, length), Rate.Span.Slice(start, length), CostOfCarry.Span.Slice(start, length),
        IsCall.Span.Slice(start, length), CarryConvention);

    /// <summary>The span view of all options.</summary>
    /// <returns>The columns as spans.</returns>
    /// <exception cref="ArgumentException">The columns differ in length.</exception>
    public BlackScholesBatchInputs AsSpans() => new(
        Spot.Span, Strike.Span, TenorYears.Span, Volatility.Span, Rate.Span, CostOfCarry.Span, IsCall.Span, CarryConvention);
}
