using System.Diagnostics.Metrics;

namespace Analytics.Api.Endpoints.Pricing;

/// <summary>
/// The batch endpoints' metrics (meter <c>Analytics.Api.Pricing</c>, created through <see cref="IMeterFactory"/> so each host
/// has its own): <c>analytics.pricing.batch.items</c>, items priced or solved, so an operator (and a test) can see that
/// a batch stops when its client disconnects. Thread-safe.
/// </summary>
public sealed class BatchPricingMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Analytics.Api.Pricing";

    /// <summary>The counter's name.</summary>
    public const string ItemsCounterName = "analytics.pricing.batch.items";

    private readonly Counter<long> _items;

    /// <summary>Creates the meter and its counter.</summary>
    public BatchPricingMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _items = meter.CreateCounter<long>(ItemsCounterName, unit: "{item}", description: "Batch items priced or solved (failures included).");
    }

    /// <summary>Counts one item of a batch, tagged with the endpoint (<c>price</c> or <c>implied-vol</c>).</summary>
    public void ItemDone(string endpoint) => _items.Add(1, new KeyValuePair<string, object?>("endpoint", endpoint));
}
