using MathNet.Numerics.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Data.Indexing;

/// <summary>
/// The distribution of USD gas per indexed trade on one chain over (from, to]: <c>Count</c> trades with a USD gas cost
/// (gas whose native-token price was unknown is left out), their median, 90th percentile (MathNet's quantile, R-8)
/// and mean, null when the count is 0.
/// </summary>
public sealed record ObservedGas(string Chain, DateTime FromUtc, DateTime ToUtc, int Count, double? MedianUsd, double? P90Usd, double? MeanUsd);

/// <summary>Reads <see cref="ObservedGas"/> from the gas the indexer stored per trade (<c>trade_gas</c>).</summary>
public static class ObservedGasQuery
{
    public static async Task<ObservedGas> ReadAsync(AnalyticsDbContext db, string chain, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var values = await db.TradeGas.AsNoTracking()
            .Where(g => g.Chain == chain && g.TimestampUtc > fromUtc && g.TimestampUtc <= toUtc && g.GasCostUsd != null)
            .Select(g => g.GasCostUsd!.Value).ToArrayAsync(cancellationToken);
        if (values.Length == 0) return new ObservedGas(chain, fromUtc, toUtc, 0, null, null, null);
        Array.Sort(values);
        return new ObservedGas(chain, fromUtc, toUtc, values.Length, SortedArrayStatistics.Median(values),
            SortedArrayStatistics.Quantile(values, 0.9), values.Average());
    }
}
