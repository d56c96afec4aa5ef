using System.Collections.Immutable;
using MathNet.Numerics.LinearAlgebra;

namespace Analytics.Pricing.Risk.Var;

/// <summary>
/// Daily log returns of several underlyings on their common dates, for historical simulation and covariance estimates:
/// the dates where every underlying has a price are kept (the others dropped and counted), and return t of underlying j
/// is ln(P_j(d_t) / P_j(d_{t−h})) over the kept dates, h = 1 for daily returns or the horizon for overlapping h-day
/// returns (consecutive windows share h − 1 days, so they are not independent draws).
/// </summary>
/// <param name="Underlyings">Column order.</param>
/// <param name="EndDates">The date each return ends on (row order, oldest first).</param>
/// <param name="Returns">Rows: returns in date order; columns: underlyings.</param>
/// <param name="CommonDates">Dates where every underlying had a price.</param>
/// <param name="DroppedDates">Dates where some underlying had a price and another had none.</param>
/// <param name="HorizonDays">h: the number of kept dates each return spans.</param>
public sealed record AlignedReturns(
    ImmutableArray<string> Underlyings,
    ImmutableArray<DateOnly> EndDates,
    Matrix<double> Returns,
    int CommonDates,
    int DroppedDates,
    int HorizonDays)
{
    /// <summary>Aligns price histories and takes h-day log returns.</summary>
    /// <param name="prices">Per underlying: its daily prices by date (positive, finite); at most one per date.</param>
    /// <param name="horizonDays">h ≥ 1.</param>
    /// <exception cref="ArgumentException">A price is not positive and finite, or fewer than h + 1 common dates remain.</exception>
    public static AlignedReturns Of(IReadOnlyDictionary<string, IReadOnlyDictionary<DateOnly, double>> prices, int horizonDays)
    {
        ArgumentNullException.ThrowIfNull(prices);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizonDays, 1);
        if (prices.Count == 0) throw new ArgumentException("No underlying has prices.", nameof(prices));
        var names = prices.Keys.Order(StringComparer.Ordinal).ToImmutableArray();
        foreach (var name in names)
        {
            foreach (var (date, price) in prices[name])
            {
                if (!double.IsFinite(price) || price <= 0) throw new ArgumentException($"{name} on {date:yyyy-MM-dd}: price {price} is not positive.", nameof(prices));
            }
        }

        var all = names.SelectMany(n => prices[n].Keys).ToHashSet();
        var common = all.Where(d => names.All(n => prices[n].ContainsKey(d))).Order().ToArray();
        if (common.Length <= horizonDays)
        {
            throw new ArgumentException(
                $"{common.Length} dates have a price for every one of {string.Join(", ", names)}; {horizonDays + 1} are needed for a {horizonDays}-day return.", nameof(prices));
        }

        int rows = common.Length - horizonDays;
        var returns = Matrix<double>.Build.Dense(rows, names.Length);
        for (int j = 0; j < names.Length; j++)
        {
            var series = prices[names[j]];
            for (int t = 0; t < rows; t++) returns[t, j] = Math.Log(series[common[t + horizonDays]] / series[common[t]]);
        }

        return new AlignedReturns(names, [.. common.Skip(horizonDays)], returns, common.Length, all.Count - common.Length, horizonDays)
        {
            StartDates = [.. common.Take(rows)],
        };
    }

    /// <summary>The date each return starts on (row order): the kept date h rows before its end date.</summary>
    public ImmutableArray<DateOnly> StartDates { get; init; }

    /// <summary>The returns as scenarios: spot moves e^r − 1 per underlying, no vol move, no time step.</summary>
    public IReadOnlyList<MarketScenario> Scenarios() => Scenarios(static (_, _) => default);

    /// <summary>
    /// The returns as scenarios with a vol move per return and underlying: spot moves e^r − 1, vol moves by log-moneyness
    /// bucket from <paramref name="volMove"/> (row, underlying; default or empty for none), no time step.
    /// </summary>
    /// <param name="volMove">The vol buckets of row t and an underlying, as <see cref="UnderlyingShift.VolBuckets"/> wants them.</param>
    public IReadOnlyList<MarketScenario> Scenarios(Func<int, string, ImmutableArray<VolBucketShift>> volMove)
    {
        ArgumentNullException.ThrowIfNull(volMove);
        var scenarios = new MarketScenario[Returns.RowCount];
        for (int t = 0; t < scenarios.Length; t++)
        {
            var shifts = new Dictionary<string, UnderlyingShift>(Underlyings.Length, StringComparer.Ordinal);
            for (int j = 0; j < Underlyings.Length; j++)
            {
                shifts[Underlyings[j]] = new UnderlyingShift(Math.Exp(Returns[t, j]) - 1.0, 0.0) { VolBuckets = volMove(t, Underlyings[j]) };
            }

            scenarios[t] = new MarketScenario(0.0, shifts);
        }

        return scenarios;
    }
}
