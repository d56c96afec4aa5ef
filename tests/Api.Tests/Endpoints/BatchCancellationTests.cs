using System.Diagnostics.Metrics;
using System.Text;
using Analytics.Api.Endpoints.Pricing;
using Analytics.Api.Tests.Infrastructure;
using Analytics.Pricing.QuantLib;
using Analytics.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Api.Tests.Endpoints;

/// <summary>
/// Issue 14 item 3: a batch stops pricing when its client disconnects. The proof is the service's own counter of batch
/// items (<see cref="BatchPricingMetrics"/>, read through a <see cref="MeterListener"/> scoped to this host's meter factory):
/// after the client cancels, the count stops moving well short of the batch. No timing is asserted: the test only waits
/// for the counter to start, and then to stand still.
/// </summary>
public sealed class BatchCancellationTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    /// <summary>At their 3-year grid (868 × 800 cells, ≈ 0.69 s estimated each) 800 items fit the keyed budget of 600 s per request;
    /// measured ≈ 0.45 s each, they take minutes.</summary>
    private const int Items = 800;

    [Fact]
    public async Task PriceBatch_ClientCancels_TheServerStopsPricing()
    {
        var quantLib = QuantLibVanillaOptionPricer.Default;
        Requirement.Require(quantLib.IsAvailable, "QuantLib", "apt-get install -y libquantlib0-dev swig g++, then rebuild", quantLib.UnavailableReason);
        long priced = 0;
        var meterFactory = api.Factory.Services.GetRequiredService<IMeterFactory>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meterFactory && instrument.Name == BatchPricingMetrics.ItemsCounterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref priced, value));
        listener.Start();
        _ = api.Factory.Services.GetRequiredService<BatchPricingMetrics>(); // the meter exists before the request

        // quantlib-fd American puts with Greeks: hundreds of milliseconds each, serialised under QuantLib's lock — minutes in all.
        var item = """{"type":"put","style":"american","engine":"quantlib-fd","spot":100,"strike":100,"tenorYears":3,"vol":0.3,"rate":0.05}""";
        var body = "{\"options\":[" + string.Join(",", Enumerable.Repeat(item, Items)) + "]}";
        using var client = api.Client(TestKeys.Reader); // a key: these quantlib-fd items are over the anonymous CPU budget
        using var cancel = new CancellationTokenSource();
        var request = client.PostAsync("/api/v1/options/price/batch", new StringContent(body, Encoding.UTF8, "application/json"), cancel.Token);

        await WaitUntilAsync(() => Interlocked.Read(ref priced) > 0, TimeSpan.FromMinutes(5)); // pricing has started
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);

        // Wait until the counter stands still for 3 s (an item takes hundreds of milliseconds, so a running batch never does).
        long last;
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(5);
        do
        {
            last = Interlocked.Read(ref priced);
            await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        } while (Interlocked.Read(ref priced) != last && DateTime.UtcNow < deadline);

        Assert.True(last < Items / 2, $"{last} of {Items} items were priced after the client cancelled");
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the batch never started pricing");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
