using System.Buffers;
using System.Text;
using System.Text.Json;
using Analytics.Api.Contracts.L2;
using Analytics.Api.Contracts.Pricing;
using Analytics.Api.Endpoints.Pricing;
using Analytics.Api.Hosting;
using Analytics.Pricing;
using Analytics.Pricing.Engines;

namespace Analytics.Api.Tests.Endpoints;

/// <summary>
/// The price batch's hand-written reader and writer against <see cref="JsonSerializer"/> with the service's own
/// options: the reader must build equal records or decline, and the writer must write the same bytes.
/// </summary>
public sealed class PriceBatchFastPathTests
{
    private static readonly JsonSerializerOptions Json = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        AnalyticsServices.ConfigureJson(options);
        return options;
    }

    private static List<OptionPriceRequest> Serializer(string body) =>
        JsonSerializer.Deserialize<BatchRequest<OptionPriceRequest>>(body, Json)!.Options!.Select(o => o!).ToList();

    private static List<OptionPriceRequest>? Fast(string body) => OptionPriceBatchParser.TryParse(Encoding.UTF8.GetBytes(body));

    [Fact]
    public void Parser_RandomItemsWithEveryPlainField_EqualsTheSerializer()
    {
        var random = new Random(7);
        T? Maybe<T>(Func<T> value) where T : struct => random.Next(3) == 0 ? null : value();
        var items = Enumerable.Range(0, 2_000).Select(i => new OptionPriceRequest(
            Maybe(() => (OptionRight)random.Next(2)), Maybe(() => (OptionExerciseStyle)random.Next(2)),
            Maybe(() => random.NextDouble() * 1e5), Maybe(() => Math.Exp(random.NextDouble() * 50 - 25)),
            Maybe(() => random.Next(1, 500) * 0.25), Maybe(() => random.NextDouble() * 3),
            Maybe(() => new DateTimeOffset(2027, 1, 1, 8, 0, 0, TimeSpan.FromHours(random.Next(-12, 13))).AddTicks(random.NextInt64(0, TimeSpan.TicksPerDay * 900))),
            Maybe(() => new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero).AddMilliseconds(random.Next())),
            Maybe(() => random.NextDouble()), Maybe(() => random.NextDouble() * 0.2 - 0.1), Maybe(() => -random.NextDouble() / 3),
            Maybe(() => 1e-300 * random.Next(1, 1000)), Maybe(() => Enum.GetValues<PricingEngine>()[random.Next(Enum.GetValues<PricingEngine>().Length)]),
            L2: null, Maybe(() => (VolSource)random.Next(2)), random.Next(3) == 0 ? null : "ETH",
            Maybe(() => (PremiumCurrency)random.Next(2)), Maybe(() => random.Next(10, 20_000)), Maybe(() => random.Next(10, 5_000)))).ToList();
        var body = JsonSerializer.Serialize(new BatchRequest<OptionPriceRequest>(items), Json);

        var fast = Fast(body);

        Assert.NotNull(fast);
        Assert.Equal(Serializer(body), fast);
        Assert.Equal(items, fast);
    }

    [Fact]
    public void Parser_HandWrittenBodyWithWhitespaceNullsAndExponents_EqualsTheSerializer()
    {
        const string body = """
            { "options" : [
              {"type":"call","spot":1E2,"strike":95.5e0,"tenorYears":0.5,"vol":0.2,"rate":-0.01,"dividendYield":null},
              { "strike" : 100 , "type" : "put" , "forward" : 101.25, "expiry": "2027-03-26T08:00:00+02:00",
                "valuationTime":"2026-11-25T00:00:00Z", "vol": 1, "rate": 0, "engine": "quantlib-baw", "style": "american",
                "volSource": "given", "underlying": "BTC", "l2": null, "premiumCurrency": "underlying" },
              {}
            ] }
            """;

        Assert.Equal(Serializer(body), Fast(body));
    }

    [Theory]
    [InlineData("""{"options":[{"Spot":100}]}""")] // another casing: the serializer matches names case-insensitively
    [InlineData("""{"options":[{"sp\u006ft":100}]}""")] // an escaped name
    [InlineData("""{"options":[{"spot":"100"}]}""")] // a number in quotes (the serializer rejects it)
    [InlineData("""{"options":[{"spot":1e400}]}""")] // beyond double
    [InlineData("""{"options":[{"spot":1,"spot":2}]}""")] // a duplicate
    [InlineData("""{"options":[{"type":"Call"}]}""")] // not an id as written
    [InlineData("""{"options":[{"type":"c\u0061ll"}]}""")] // an escaped id
    [InlineData("""{"options":[{"engine":0}]}""")] // an enum as a number
    [InlineData("""{"options":[{"expiry":"tomorrow"}]}""")] // not an instant
    [InlineData("""{"options":[{"underlying":7}]}""")] // not a string
    [InlineData("""{"options":[{"l2":{"chain":"base"}}]}""")] // an l2 block
    [InlineData("""{"options":[{"surprise":1}]}""")] // an unknown field
    [InlineData("""{"options":[null]}""")] // a null item
    [InlineData("""{"options":[1]}""")] // not an object
    [InlineData("""{"options":[{"spot":1}],"more":1}""")] // another envelope field
    [InlineData("""{"options":[{"spot":1}]} trailing""")] // not JSON after the body
    [InlineData("""{"options":[{"spot":1} /* comment */]}""")] // a comment
    [InlineData("""{"options":[{"spot":1}""")] // cut off
    [InlineData("""{"options":{}}""")] // not an array
    [InlineData("""[]""")]
    public void Parser_AnythingButThePlainForm_IsLeftToTheSerializer(string body)
    {
        Assert.Null(Fast(body));
    }

    public static TheoryData<OptionPriceSlot> Slots()
    {
        var greeks = new GreeksResponse(0.5123456789012345, 1e-300, 19.25, -5.0 / 3, 12, -0.0, double.Epsilon, 1e21, -1.5e-7);
        var l2 = JsonSerializer.Deserialize<L2Response>("{}", Json)!;
        OptionPriceSlot[] slots =
        [
            new OptionPriceResponse(10.450583572185565, PricingEngine.Analytic, 102.5, 0.951229424500714, 0.5, 0.05, greeks, "closed-form", null, null, Vol: 0.2),
            new OptionPriceResponse(1e-250, PricingEngine.QuantLibBjerksundStensland, 1e12, 1, 100, -10, greeks, "finite-difference", null, 9.75, Vol: null),
            new OptionPriceResponse(3, PricingEngine.QuantLibAnalytic, 100, 1, 1, 0, greeks, "quantlib", ["vanna", "charm"], null, Vol: 0.3),
            new OptionPriceResponse(3, PricingEngine.Analytic, 100, 1, 1, 0, greeks, "closed-form", null, null, l2, Vol: 0.3),
            new OptionPriceResponse(3, PricingEngine.Analytic, 100, 1, 1, 0, greeks, "closed-form \"quoted\" é", null, null, Vol: 0.3, SurfaceId: 42),
            new OptionPriceResponse(0.03, PricingEngine.Analytic, 100, 1, 1, 0, greeks, "closed-form", null, null, Vol: 0.3, PremiumCurrency: PremiumCurrency.Underlying),
            new OptionPriceResponse(3, PricingEngine.Analytic, 100, 1, 1, 0, greeks, "closed-form", null, null, Vol: 0.3, GreekUnits: GreekUnits.PerVolPointPerDay),
            new OptionPriceItemError(new BatchItemError(400, "Invalid item", new Dictionary<string, string[]> { ["vol"] = ["must be > 0."] })),
        ];
        return new TheoryData<OptionPriceSlot>(slots);
    }

    [Theory]
    [MemberData(nameof(Slots))]
    public void Writer_EverySlotShape_WritesTheSerializersBytes(OptionPriceSlot slot)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
            OptionPriceSlotWriter.Write(writer, slot, Json);

        Assert.Equal(JsonSerializer.Serialize(slot, Json), Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void Writer_RandomPrices_WritesTheSerializersBytes()
    {
        var random = new Random(11);
        double Any() => (random.NextDouble() - 0.3) * Math.Pow(10, random.Next(-320, 300));
        for (var i = 0; i < 2_000; i++)
        {
            var engine = Enum.GetValues<PricingEngine>()[random.Next(9)];
            OptionPriceSlot slot = new OptionPriceResponse(Any(), engine, Any(), Any(), Any(), Any(),
                new GreeksResponse(Any(), Any(), Any(), Any(), Any(), Any(), Any(), Any(), Any()), "lattice", null,
                random.Next(2) == 0 ? null : Any(), Vol: random.Next(2) == 0 ? null : Any());
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
                OptionPriceSlotWriter.Write(writer, slot, Json);

            Assert.Equal(JsonSerializer.Serialize(slot, Json), Encoding.UTF8.GetString(buffer.WrittenSpan));
        }
    }
}
