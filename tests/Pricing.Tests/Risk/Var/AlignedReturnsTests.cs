using Analytics.Pricing.Risk.Var;

namespace Analytics.Pricing.Tests.Risk.Var;

/// <summary>Price histories aligned on common dates, daily and overlapping h-day log returns, and their scenarios.</summary>
public sealed class AlignedReturnsTests
{
    private static readonly DateOnly Start = new(2022, 11, 1);

    private static IReadOnlyDictionary<DateOnly, double> Series(params (int Day, double Price)[] points) =>
        points.ToDictionary(p => Start.AddDays(p.Day), p => p.Price);

    [Fact]
    public void Of_DropsDatesSomeUnderlyingLacksAndCountsThem()
    {
        var prices = new Dictionary<string, IReadOnlyDictionary<DateOnly, double>>
        {
            ["BTC"] = Series((0, 20_000), (1, 20_500), (2, 18_000), (3, 16_000), (4, 16_500)),
            ["ETH"] = Series((0, 1_500), (1, 1_550), (3, 1_100), (4, 1_200), (5, 1_250)),
        };

        var daily = AlignedReturns.Of(prices, 1);

        Assert.Equal(["BTC", "ETH"], daily.Underlyings);
        Assert.Equal(4, daily.CommonDates); // days 0, 1, 3, 4
        Assert.Equal(2, daily.DroppedDates); // day 2 (no ETH), day 5 (no BTC)
        Assert.Equal([Start.AddDays(1), Start.AddDays(3), Start.AddDays(4)], daily.EndDates);
        Assert.Equal(Math.Log(16_000 / 20_500.0), daily.Returns[1, 0], 15); // day 1 → day 3: the gap is one return
        Assert.Equal(Math.Log(1_200 / 1_100.0), daily.Returns[2, 1], 15);
        Assert.Equal([Start, Start.AddDays(1), Start.AddDays(3)], daily.StartDates);
        Assert.Equal([Start, Start.AddDays(1)], AlignedReturns.Of(prices, 2).StartDates); // h = 2: day 0 → 3, day 1 → 4
    }

    [Fact]
    public void Of_OverlappingReturns_SpanHKeptDates()
    {
        var prices = new Dictionary<string, IReadOnlyDictionary<DateOnly, double>>
        {
            ["ETH"] = Series((0, 100), (1, 110), (2, 99), (3, 120), (4, 90)),
        };

        var threeDay = AlignedReturns.Of(prices, 3);
        var scenarios = threeDay.Scenarios();

        Assert.Equal(2, threeDay.Returns.RowCount);
        Assert.Equal(Math.Log(120 / 100.0), threeDay.Returns[0, 0], 15);
        Assert.Equal(Math.Log(90 / 110.0), threeDay.Returns[1, 0], 15);
        Assert.Equal(90 / 110.0 - 1, scenarios[1].ShiftOf("ETH").SpotRelative, 14);
        Assert.Throws<ArgumentException>(() => AlignedReturns.Of(prices, 5));
    }
}
