using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Api.Tests.Infrastructure;
using Analytics.Pricing.Market;

namespace Analytics.Api.Tests.Endpoints.Surfaces;

/// <summary>
/// Fits of indexed quotes (issue 13, item 1): valued at the board's own instant, the board chosen by <c>asOf</c> within
/// <c>Surfaces:MaxSnapshotAge</c> (1 hour by default; a week in <see cref="SqliteApiWithWeekSnapshotAge"/>).
/// </summary>
public sealed class SurfaceSnapshotSelectionTests(SqliteApi api, SqliteApiWithWeekSnapshotAge weekApi)
    : IClassFixture<SqliteApi>, IClassFixture<SqliteApiWithWeekSnapshotAge>
{
    private static readonly TimeSpan Millisecond = TimeSpan.FromMilliseconds(1);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Fit_AsOfOneMillisecondAfterAndBeforeABoard_FitsThatBoardAfterAndAnswers422NamingItsNeighboursBefore()
    {
        await SurfaceSnapshotBoards.EnsureLoadedAsync(api);

        var after = await SurfaceTestData.FitAsync(api, new { underlying = "ETH", asOf = SurfaceSnapshotBoards.Newer + Millisecond });
        AssertValuedAt(after, SurfaceSnapshotBoards.Newer, 0.001);

        var before = await FitProblemAsync(api, SurfaceSnapshotBoards.Newer - Millisecond);
        Assert.Equal(SurfaceSnapshotBoards.Older, before.GetProperty("snapshotBefore").GetDateTimeOffset());
        Assert.Equal((SurfaceSnapshotBoards.Newer - Millisecond - SurfaceSnapshotBoards.Older).TotalSeconds,
            before.GetProperty("snapshotBeforeAgeSeconds").GetDouble(), 6);
        Assert.Equal(SurfaceSnapshotBoards.Newer, before.GetProperty("snapshotAfter").GetDateTimeOffset());
    }

    [Fact]
    public async Task Fit_AsOfOneMillisecondBeforeABoardWithThePreviousWithinMaxSnapshotAge_FitsThePreviousBoardAtItsOwnInstant()
    {
        await SurfaceSnapshotBoards.EnsureLoadedAsync(weekApi);

        var after = await SurfaceTestData.FitAsync(weekApi, new { underlying = "ETH", asOf = SurfaceSnapshotBoards.Newer + Millisecond });
        var before = await SurfaceTestData.FitAsync(weekApi, new { underlying = "ETH", asOf = SurfaceSnapshotBoards.Newer - Millisecond });

        AssertValuedAt(after, SurfaceSnapshotBoards.Newer, 0.001);
        AssertValuedAt(before, SurfaceSnapshotBoards.Older, (SurfaceSnapshotBoards.Newer - Millisecond - SurfaceSnapshotBoards.Older).TotalSeconds);

        // The listing carries the snapshot instant and age too.
        var listed = (await SurfaceTestData.GetJsonAsync(weekApi, "/api/v1/surfaces?underlying=ETH&limit=200")).GetProperty("items").EnumerateArray()
            .Single(s => s.GetProperty("id").GetInt64() == before.GetProperty("id").GetInt64());
        Assert.Equal(SurfaceSnapshotBoards.Older, listed.GetProperty("snapshotAt").GetDateTimeOffset());
        Assert.Equal(before.GetProperty("snapshotAgeSeconds").GetDouble(), listed.GetProperty("snapshotAgeSeconds").GetDouble(), 9);
    }

    [Fact]
    public async Task Fit_AsOfDuringABoardsCollection_FitsThePreviousCompleteBoard()
    {
        await SurfaceSnapshotBoards.EnsureLoadedAsync(weekApi);

        // Issue 15: the newer board's quotes were fetched over the minutes after its run's start; before it is complete
        // (the 10-minute bound) a fit uses the older board, valued at that board's own instant. It used the newer one.
        foreach (var asOf in new[] { SurfaceSnapshotBoards.NewerRunStart, SurfaceSnapshotBoards.NewerRunStart.AddMinutes(5) })
        {
            var during = await SurfaceTestData.FitAsync(weekApi, new { underlying = "ETH", asOf });
            AssertValuedAt(during, SurfaceSnapshotBoards.Older, (asOf - SurfaceSnapshotBoards.Older).TotalSeconds);
        }
    }

    [Fact]
    public async Task Fit_BoardOlderThanMaxSnapshotAgeOrNoneBefore_Answers422NamingTheNearestSnapshotsAndTheAge()
    {
        await SurfaceSnapshotBoards.EnsureLoadedAsync(api);

        var stale = await FitProblemAsync(api, SurfaceSnapshotBoards.Newer.AddHours(2));
        Assert.Equal(SurfaceSnapshotBoards.Newer, stale.GetProperty("snapshotBefore").GetDateTimeOffset());
        Assert.Equal(7200, stale.GetProperty("snapshotBeforeAgeSeconds").GetDouble(), 6);
        Assert.Equal(JsonValueKind.Null, stale.GetProperty("snapshotAfter").ValueKind);
        Assert.Equal(3600, stale.GetProperty("maxSnapshotAgeSeconds").GetDouble());
        Assert.Contains("2026-01-05T15:43:29.7483870Z", stale.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var none = await FitProblemAsync(api, SurfaceSnapshotBoards.Older - Millisecond);
        Assert.Equal(JsonValueKind.Null, none.GetProperty("snapshotBefore").ValueKind);
        Assert.Equal(SurfaceSnapshotBoards.Older, none.GetProperty("snapshotAfter").GetDateTimeOffset());
    }

    [Fact]
    public async Task FitAndGetById_IndexedBoard_CarrySnapshotAtAndTenorsMeasuredFromIt()
    {
        await SurfaceSnapshotBoards.EnsureLoadedAsync(api);

        var fitted = await SurfaceTestData.FitAsync(api, new { underlying = "ETH", asOf = SurfaceSnapshotBoards.Newer.AddMinutes(30) });
        var stored = await SurfaceTestData.GetJsonAsync(api, $"/api/v1/surfaces/{fitted.GetProperty("id").GetInt64()}");

        foreach (var surface in new[] { fitted, stored })
        {
            AssertValuedAt(surface, SurfaceSnapshotBoards.Newer, 1800);
            var slice = surface.GetProperty("slices")[0];
            var expected = YearFraction.Act365F(SurfaceSnapshotBoards.Newer, slice.GetProperty("expiry").GetDateTimeOffset());
            Assert.Equal(expected, slice.GetProperty("tenorYears").GetDouble(), 12);
        }
    }

    [Fact]
    public async Task Fit_PostedQuotes_KeepTheRequestsAsOfAndNoSnapshot()
    {
        var surface = await SurfaceTestData.FitAsync(api, new { underlying = SurfaceTestData.NewUnderlying(), asOf = SurfaceTestData.AsOf, quotes = SurfaceTestData.SyntheticQuotes() });

        Assert.Equal(SurfaceTestData.AsOf, surface.GetProperty("asOf").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, surface.GetProperty("snapshotAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, surface.GetProperty("snapshotAgeSeconds").ValueKind);
    }

    /// <summary>The surface is valued at the board's instant <paramref name="board"/>, which it reports with its age.</summary>
    private static void AssertValuedAt(JsonElement surface, DateTimeOffset board, double ageSeconds)
    {
        Assert.Equal(board, surface.GetProperty("asOf").GetDateTimeOffset());
        Assert.Equal(board, surface.GetProperty("snapshotAt").GetDateTimeOffset());
        Assert.Equal(board, surface.GetProperty("inputs").GetProperty("snapshotAt").GetDateTimeOffset());
        Assert.Equal(ageSeconds, surface.GetProperty("snapshotAgeSeconds").GetDouble(), 6);
    }

    /// <summary>Posts a fit of the indexed ETH quotes at <paramref name="asOf"/> and returns its 422 (asserts its <c>asOf</c> field error).</summary>
    private static async Task<JsonElement> FitProblemAsync(ApiFixture fixture, DateTimeOffset asOf)
    {
        var response = await fixture.Client(TestKeys.Writer).PostAsJsonAsync("/api/v1/surfaces/fit", new { underlying = "ETH", asOf }, Token);
        var body = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.True(body.GetProperty("errors").TryGetProperty("asOf", out _), body.ToString());
        return body;
    }
}
