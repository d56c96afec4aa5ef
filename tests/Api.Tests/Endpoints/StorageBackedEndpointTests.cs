using System.Net;
using System.Text.Json;
using Analytics.Api.Tests.Infrastructure;
using Analytics.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Api.Tests.Endpoints;

/// <summary>Endpoints whose behaviour depends on storage, run against SQLite and against PostgreSQL.</summary>
public abstract class StorageBackedEndpointTests
{
    private readonly ApiFixture _api;

    protected StorageBackedEndpointTests(ApiFixture api)
    {
        api.RequireAvailable();
        _api = api;
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<JsonElement> GetJsonAsync(string path, string? key = null)
    {
        var response = await _api.Client(key).GetAsync(path, Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task HealthReady_DatabaseAndJobServerUp_ReportsBothHealthy()
    {
        var body = await GetJsonAsync("/health/ready");

        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("jobs").GetProperty("status").GetString());
    }

    [Fact]
    public async Task HealthLive_Always_Returns200()
    {
        Assert.Equal("Healthy", (await GetJsonAsync("/health/live")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task ListJobs_FromConfiguration_ShowsTheHeartbeatWithItsSchedule()
    {
        var jobs = (await GetJsonAsync("/api/v1/jobs")).GetProperty("jobs").EnumerateArray().ToList();

        var heartbeat = Assert.Single(jobs, j => j.GetProperty("id").GetString() == "heartbeat");
        Assert.Equal("heartbeat", heartbeat.GetProperty("job").GetString());
        Assert.Equal("* * * * *", heartbeat.GetProperty("cron").GetString());
        Assert.Equal("Etc/UTC", heartbeat.GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task TriggerHeartbeat_AsAdmin_WritesAHeartbeatRowThroughEfCore()
    {
        int before;
        await using (var db = _api.Factory.NewDbContext())
            before = await db.JobHeartbeats.CountAsync(Token);

        var response = await _api.Client(TestKeys.Admin).PostAsync("/api/v1/jobs/heartbeat/trigger", null, Token);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        // The worker runs the job in the background: wait (bounded) for its row, asserting the outcome, not a duration.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        int after;
        do
        {
            await Task.Delay(200, Token);
            await using var db = _api.Factory.NewDbContext();
            after = await db.JobHeartbeats.CountAsync(Token);
        }
        while (after <= before && DateTime.UtcNow < deadline);

        Assert.True(after > before, "no heartbeat row was written within 60 s of triggering the job");
    }

    [Fact]
    public async Task ListJobRuns_AfterTrigger_ShowsTheSucceededRunAndTheJobsLastState()
    {
        var triggered = await _api.Client(TestKeys.Admin).PostAsync("/api/v1/jobs/heartbeat/trigger", null, Token);
        var runId = JsonDocument.Parse(await triggered.Content.ReadAsStringAsync(Token)).RootElement.GetProperty("jobId").GetString();

        JsonElement? run = null;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (run is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, Token);
            var runs = (await GetJsonAsync("/api/v1/jobs/heartbeat/runs?limit=1000")).GetProperty("items").EnumerateArray().ToList();
            run = runs.Where(r => r.GetProperty("backgroundJobId").GetString() == runId && r.GetProperty("state").GetString() == "succeeded")
                .Select(r => (JsonElement?)r).FirstOrDefault();
        }

        Assert.NotNull(run);
        Assert.Equal("heartbeat", run.Value.GetProperty("job").GetString());
        Assert.True(run.Value.GetProperty("durationSeconds").GetDouble() >= 0);
        var heartbeat = (await GetJsonAsync("/api/v1/jobs")).GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("id").GetString() == "heartbeat");
        Assert.NotEqual(JsonValueKind.Null, heartbeat.GetProperty("lastRunState").ValueKind);
    }

    [Fact]
    public async Task ListJobRuns_UnknownJobOrBadCursor_AnswersProblems()
    {
        await ProblemAssert.IsProblemAsync(await _api.Client().GetAsync("/api/v1/jobs/no-such-job/runs", Token), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await _api.Client().GetAsync("/api/v1/jobs/heartbeat/runs?cursor=zz!", Token), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ListAlerts_FilteredAndPaged_ReturnsTheStoredAlertsInOrder()
    {
        var portfolio = Random.Shared.NextInt64(1_000_000, 2_000_000_000);
        var t0 = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        await using (var db = _api.Factory.NewDbContext())
        {
            for (var i = 4; i >= 0; i--)
                db.MarginAlerts.Add(new MarginAlertEntity
                {
                    PortfolioId = portfolio, PortfolioVersion = 1, Model = "dydx-v4", Chain = "ethereum", Level = i % 2 == 0 ? "warning" : "liquidation",
                    RaisedAtUtc = t0.AddHours(i), AsOfUtc = t0.AddHours(i), Utilisation = 0.9 + i, Threshold = 0.8, EquityUsd = 100,
                    MaintenanceMarginUsd = 90 + i, InitialMarginUsd = 100 + i, RecurringJobId = "monitor",
                });
            await db.SaveChangesAsync(Token);
        }

        var first = await GetJsonAsync($"/api/v1/alerts?portfolioId={portfolio}&level=warning&limit=2");
        var second = await GetJsonAsync($"/api/v1/alerts?portfolioId={portfolio}&level=warning&limit=2&cursor={first.GetProperty("nextCursor").GetString()}");
        var utilisations = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(a => a.GetProperty("utilisation").GetDouble()).ToList();

        Assert.Equal([0.9, 2.9, 4.9], utilisations);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
        var late = await GetJsonAsync($"/api/v1/alerts?portfolioId={portfolio}&from=2026-03-01T03:00:00Z");
        Assert.Equal(2, late.GetProperty("items").GetArrayLength());
        await ProblemAssert.IsProblemAsync(await _api.Client().GetAsync("/api/v1/alerts?level=severe", Token), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task TriggerJob_UnknownId_Returns404Problem()
    {
        var response = await _api.Client(TestKeys.Admin).PostAsync("/api/v1/jobs/no-such-job/trigger", null, Token);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListPrices_FivePagesOfTwo_ReturnsEveryRowOnceInTimeOrder()
    {
        var underlying = "T" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var t0 = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await using (var db = _api.Factory.NewDbContext())
        {
            for (var i = 9; i >= 0; i--) // inserted newest first, so order comes from the query, not from insertion
                db.PriceObservations.Add(new PriceObservationEntity
                {
                    Underlying = underlying, Source = "test", TimestampUtc = t0.AddHours(i), Open = i, High = i, Low = i, Close = i,
                });
            await db.SaveChangesAsync(Token);
        }

        var closes = new List<double>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await GetJsonAsync($"/api/v1/prices?underlying={underlying}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            closes.AddRange(page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("close").GetDouble()));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 20);

        Assert.Equal(Enumerable.Range(0, 10).Select(i => (double)i), closes);
        Assert.Equal(5, pages);
    }

    [Fact]
    public async Task ListPrices_TimeRange_IsHalfOpen()
    {
        var underlying = "R" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var t0 = new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc);
        await using (var db = _api.Factory.NewDbContext())
        {
            for (var i = 0; i < 5; i++)
                db.PriceObservations.Add(new PriceObservationEntity
                {
                    Underlying = underlying, Source = "test", TimestampUtc = t0.AddDays(i), Open = i, High = i, Low = i, Close = i,
                });
            await db.SaveChangesAsync(Token);
        }

        var page = await GetJsonAsync($"/api/v1/prices?underlying={underlying}&from=2026-02-02T00:00:00Z&to=2026-02-04T00:00:00Z");

        Assert.Equal([1.0, 2.0], page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("close").GetDouble()));
    }

    [Theory]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=100000", "limit")]
    [InlineData("from=2026-02-04T00:00:00Z&to=2026-02-01T00:00:00Z", "to")]
    public async Task ListPrices_BadQuery_Returns400NamingTheParameter(string query, string field)
    {
        var response = await _api.Client().GetAsync($"/api/v1/prices?{query}", Token);

        await ProblemAssert.HasFieldErrorAsync(response, field);
    }

    [Fact]
    public async Task ListPrices_UnparsableInstant_Returns400()
    {
        var response = await _api.Client().GetAsync("/api/v1/prices?from=yesterday", Token);

        Assert.Contains("yesterday", Assert.Single(await ProblemAssert.HasFieldErrorAsync(response, "from")));
    }
}

public sealed class SqliteStorageBackedEndpointTests(SqliteApi api) : StorageBackedEndpointTests(api), IClassFixture<SqliteApi>;

public sealed class PostgresStorageBackedEndpointTests(PostgresApi api) : StorageBackedEndpointTests(api), IClassFixture<PostgresApi>;
