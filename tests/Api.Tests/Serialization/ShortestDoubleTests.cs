using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Analytics.Api.Serialization;

namespace Analytics.Api.Tests.Serialization;

/// <summary>
/// <see cref="ShortestDouble"/> against .NET's own IEEE-correct shortest round-trip formatting (an independent
/// implementation: Grisu3 with a Dragon4 fallback) and against what <see cref="Utf8JsonWriter"/> writes.
/// </summary>
public sealed class ShortestDoubleTests
{
    private static string Ours(double value)
    {
        Span<byte> buffer = stackalloc byte[ShortestDouble.MaxLength];
        return Encoding.ASCII.GetString(buffer[..ShortestDouble.Format(value, buffer)]);
    }

    private static string DotNets(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static bool RoundTrips(string text, double value) =>
        BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture)) == BitConverter.DoubleToInt64Bits(value);

    /// <summary>
    /// Ours equals .NET's wherever .NET's reads back to the value. .NET's is not always right: for some powers of two
    /// (e.g. 2^−958) it writes 16 digits that read back as the neighbouring double; there ours must read back and be
    /// at most 17 significant digits.
    /// </summary>
    private static void AssertAsDotNetOrBetter(double value)
    {
        var ours = Ours(value);
        var dotNets = DotNets(value);
        if (ours == dotNets) return;
        if (RoundTrips(dotNets, value)) Assert.Fail($"{BitConverter.DoubleToInt64Bits(value):X16}: ours {ours}, .NET {dotNets}");
        Assert.True(RoundTrips(ours, value), $"{BitConverter.DoubleToInt64Bits(value):X16}: ours {ours} does not read back");
        Assert.True(ours.TrimStart('-').Split('E')[0].Replace(".", "").TrimStart('0').Length <= 17, ours);
    }

    private static string JsonWriters(double value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer)) writer.WriteNumberValue(value);
        return Encoding.ASCII.GetString(buffer.WrittenSpan);
    }

    public static TheoryData<double> EdgeCases() =>
    [
        0.0, -0.0, 1, -1, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 100, 1e14, 1e15, 1e16, 123456789012345, 1234567890123456,
        999999999999999, 999999999999999.9, 9.999999999999998e14, 1e-4, 1e-5, 1e-6, 0.00012345, 0.000012345, 1.5e-5,
        9.5e-6, double.Epsilon, -double.Epsilon, 2.2250738585072014e-308, 2.225073858507201e-308, double.MaxValue,
        double.MinValue, 1.7976931348623155e308, 5e-324, 1e23, 9007199254740993, 9007199254740992, 4.35, 0.3e-320,
        1e21, 1e22, 5e-310, 2.5, 1.2345678901234567e-100, 1.2345678901234567e100, 18014398509481984, 10.450583572185565,
    ];

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void Format_EdgeCases_AsDotNetAndUtf8JsonWriter(double value)
    {
        Assert.Equal(DotNets(value), Ours(value));
        Assert.Equal(JsonWriters(value), Ours(value));
    }

    [Fact]
    public void Format_TwoMillionRandomBitPatterns_AsDotNet()
    {
        var random = new Random(20261125);
        for (var i = 0; i < 2_000_000; i++)
        {
            var value = BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue));
            if (!double.IsFinite(value)) continue;
            AssertAsDotNetOrBetter(value);
        }
    }

    [Fact]
    public void Format_ShortDecimalsPowersAndIntegers_AsDotNet()
    {
        var values = new List<double>();
        for (var e = -324; e <= 308; e++)
            values.AddRange([Math.Pow(10, e), double.Parse($"1e{e}", CultureInfo.InvariantCulture), double.Parse($"5e{e}", CultureInfo.InvariantCulture), double.Parse($"9.99e{e}", CultureInfo.InvariantCulture)]);
        for (var e = -1074; e <= 1023; e++) values.Add(Math.ScaleB(1, e));
        var random = new Random(5);
        for (var i = 0; i < 200_000; i++)
        {
            values.Add(random.Next(-1_000_000, 1_000_000) / Math.Pow(10, random.Next(0, 12)));
            values.Add(random.NextInt64(0, long.MaxValue));
            values.Add(Math.Round(random.NextDouble() * 1e4, random.Next(0, 8)));
        }

        foreach (var value in values.Where(double.IsFinite)) AssertAsDotNetOrBetter(value);
    }

    [Fact]
    public void Format_PowerOfTwoDotNetGetsWrong_IsShortestThatReadsBack()
    {
        // 2^−958 = 4.10453680129837624934…E−289; .NET writes 4.104536801298376E-289, which reads back as 2^−958 − 2^−1011.
        var value = Math.ScaleB(1, -958);

        Assert.False(RoundTrips(DotNets(value), value));
        Assert.Equal("4.1045368012983762E-289", Ours(value));
        Assert.True(RoundTrips(Ours(value), value));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Format_NotFinite_Throws(double value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Ours(value));
    }
}
