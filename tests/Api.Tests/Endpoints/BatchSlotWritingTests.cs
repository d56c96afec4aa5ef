using System.Text.Json;
using Analytics.Api.Contracts.Pricing;
using Analytics.Api.Endpoints.Pricing;
using Analytics.Pricing.Engines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Analytics.Api.Tests.Endpoints;

/// <summary>
/// Issue 14 item 3, the formatting side: a slot whose writing throws (a non-finite number the serializer refuses) is
/// replaced by a problem in its own slot and the body stays valid JSON; a result with a non-finite number is turned into a
/// problem before it is written.
/// </summary>
public sealed class BatchSlotWritingTests
{
    [Fact]
    public async Task ParallelJsonArrayResult_ASlotThatCannotBeWritten_IsAProblemInItsOwnSlot()
    {
        // 2,000 slots over several chunks; slots 0, 700 and 1,999 throw when written.
        var slots = Enumerable.Range(0, 2_000).ToArray();
        var result = new ParallelJsonArrayResult<int>(slots, (writer, slot, _) =>
        {
            if (slot is 0 or 700 or 1_999)
            {
                writer.WriteStartObject();
                writer.WriteNumber("price", 1.0);
                writer.WriteNumber("delta", double.NaN); // Utf8JsonWriter refuses NaN: ArgumentException half-way through the object
            }
            writer.WriteNumberValue(slot);
        }, BatchSlots.WriteUnwritable);
        var services = new ServiceCollection().AddOptions().Configure<JsonOptions>(_ => { }).BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        using var body = new MemoryStream();
        context.Response.Body = body;

        await result.ExecuteAsync(context);
        await context.Response.BodyWriter.FlushAsync(TestContext.Current.CancellationToken);

        var results = JsonDocument.Parse(body.ToArray()).RootElement.GetProperty("results");
        Assert.Equal(2_000, results.GetArrayLength());
        foreach (var bad in new[] { 0, 700, 1_999 })
        {
            Assert.Equal(500, results[bad].GetProperty("error").GetProperty("status").GetInt32());
            Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.6.1", results[bad].GetProperty("error").GetProperty("type").GetString());
        }
        Assert.Equal(699, results[699].GetInt32());
        Assert.Equal(701, results[701].GetInt32());
    }

    [Fact]
    public void Checked_AResultWithANonFiniteNumber_IsAProblem()
    {
        var greeks = new GreeksResponse(0.5, 0.01, 30, -5, 40, 45, 0.1, 0.2, 0.01);
        var good = new OptionPriceResponse(10, PricingEngine.Analytic, 105, 0.95, 1, 0.05, greeks, "closed-form", null, null);
        var bad = good with { Greeks = greeks with { Gamma = double.NaN } };

        Assert.Same(good, BatchSlots.Checked(good, NullLogger.Instance));
        var error = Assert.IsType<OptionPriceItemError>(BatchSlots.Checked(bad, NullLogger.Instance));
        Assert.Equal(500, error.Error.Status);
        Assert.Equal(BatchSlots.NonFiniteTitle, error.Error.Title);
    }
}
