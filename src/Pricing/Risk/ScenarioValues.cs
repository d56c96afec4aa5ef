namespace Analytics.Pricing.Risk;

/// <summary>
/// The value of every position of a book under every scenario (quote currency, signed by quantity), with the values in
/// the base market; row s holds scenario s's position values in the book's order. Immutable: the arrays are owned and
/// exposed read-only.
/// </summary>
public sealed class ScenarioValues
{
    private readonly double[] _values;
    private readonly double[] _baseValues;

    internal ScenarioValues(double[] values, double[] baseValues, int scenarioCount)
    {
        _values = values;
        _baseValues = baseValues;
        ScenarioCount = scenarioCount;
    }

    /// <summary>Number of scenarios (rows).</summary>
    public int ScenarioCount { get; }

    /// <summary>Number of positions (columns).</summary>
    public int PositionCount => _baseValues.Length;

    /// <summary>Value of one position under one scenario, quote currency.</summary>
    /// <param name="scenario">Scenario index.</param>
    /// <param name="position">Position index in the book.</param>
    public double this[int scenario, int position] => PositionValues(scenario)[position];

    /// <summary>Every position's value under the base market (no move).</summary>
    public ReadOnlySpan<double> BaseValues => _baseValues;

    /// <summary>The sum of <see cref="BaseValues"/>, in position order.</summary>
    public double BaseTotal => Sum(_baseValues);

    /// <summary>Every position's value under scenario <paramref name="scenario"/>.</summary>
    /// <param name="scenario">Scenario index.</param>
    /// <returns>One value per position, quote currency.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The index is out of range.</exception>
    public ReadOnlySpan<double> PositionValues(int scenario)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(scenario);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(scenario, ScenarioCount);
        return _values.AsSpan(scenario * PositionCount, PositionCount);
    }

    /// <summary>The book's value under scenario <paramref name="scenario"/> (positions summed in book order).</summary>
    /// <param name="scenario">Scenario index.</param>
    /// <returns>Quote currency.</returns>
    public double Total(int scenario) => Sum(PositionValues(scenario));

    /// <summary>The book's P&amp;L under scenario <paramref name="scenario"/>: <see cref="Total"/> − <see cref="BaseTotal"/>.</summary>
    /// <param name="scenario">Scenario index.</param>
    /// <returns>Quote currency.</returns>
    public double ProfitAndLoss(int scenario) => Total(scenario) - BaseTotal;

    /// <summary>The sum in order, as <see cref="Total"/> and <see cref="BaseTotal"/> form it.</summary>
    internal static double Sum(ReadOnlySpan<double> values)
    {
        double sum = 0.0;
        foreach (double v in values)
        {
            sum += v;
        }

        return sum;
    }
}
