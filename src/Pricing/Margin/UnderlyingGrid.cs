namespace Analytics.Pricing.Margin;

/// <summary>
/// A grid of one underlying's positions to revalue (<see cref="MarginBook.ValueUnderlyings"/>): one row per relative spot
/// shift of that underlying (the others unmoved), optionally under a vol shock.
/// </summary>
/// <param name="Underlying">The underlying moved; its positions and coin collateral are valued, in <see cref="MarginBook.IndexesOf"/> order.</param>
/// <param name="SpotShifts">Its relative spot shift per row, each &gt; −1.</param>
/// <param name="Shock">Vol shock (by tenor, or a skew shock by the base market's log-moneyness), or null for none.</param>
public sealed record UnderlyingGrid(string Underlying, IReadOnlyList<double> SpotShifts, IScenarioVolShock? Shock);

/// <summary>The values of an <see cref="UnderlyingGrid"/>: row s holds its positions' values (signed, quote currency) under shift s.</summary>
public sealed class UnderlyingGridValues
{
    private readonly double[] _values;
    private readonly int _start;

    internal UnderlyingGridValues(double[] values, int start, int rowCount, int positionCount) =>
        (_values, _start, RowCount, PositionCount) = (values, start, rowCount, positionCount);

    /// <summary>Number of rows (spot shifts).</summary>
    public int RowCount { get; }

    /// <summary>Number of positions of the underlying (columns).</summary>
    public int PositionCount { get; }

    /// <summary>The positions' values under shift <paramref name="row"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is out of range.</exception>
    public ReadOnlySpan<double> Row(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, RowCount);
        return _values.AsSpan(_start + row * PositionCount, PositionCount);
    }
}
