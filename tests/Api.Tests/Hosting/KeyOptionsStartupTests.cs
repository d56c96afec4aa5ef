using Analytics.Api.Tests.Infrastructure;
using Analytics.Data.Storage;
using Analytics.TestSupport;
using Microsoft.Extensions.Options;

namespace Analytics.Api.Tests.Hosting;

/// <summary>
/// A key's role and the metrics scrape key are checked at start, as the key hashes are. Found by trying an operator's
/// typos on the running service: a role "superuser" dropped the key without a word (its requests were 401), a role "7"
/// gave the key more than admin (job triggers and /metrics), and a scrape key hash of 64 non-hex characters made every
/// keyed non-admin GET /metrics a 500.
/// </summary>
public sealed class KeyOptionsStartupTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("superuser")]
    [InlineData("7")]
    [InlineData("0")]
    [InlineData("3")]
    [InlineData("")]
    public async Task Start_KeyRoleThatIsNotAName_StopsTheStartNamingIt(string role)
    {
        await using var database = await TestDatabase.CreateEmptyAsync(StorageProvider.Sqlite, Token);
        await using var factory = new ApiFactory(database, new Dictionary<string, string?> { ["Auth:ApiKeys:0:Role"] = role });

        var error = Assert.Throws<OptionsValidationException>(() => factory.Server);

        Assert.Contains("Auth:ApiKeys:0:Role", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_KeyRoleInAnyCase_IsThatRole()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(StorageProvider.Sqlite, Token);
        await using var factory = new ApiFactory(database, new Dictionary<string, string?> { ["Auth:ApiKeys:0:Role"] = " Writer" });
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", TestKeys.Reader); // entry 0 holds the reader key's hash

        var trigger = await client.PostAsync("/api/v1/jobs/heartbeat/trigger", null, Token);
        var portfolio = await client.PostAsync("/api/v1/portfolios", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), Token);

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, trigger.StatusCode);
        Assert.NotEqual(System.Net.HttpStatusCode.Forbidden, portfolio.StatusCode);
        Assert.NotEqual(System.Net.HttpStatusCode.Unauthorized, portfolio.StatusCode);
    }

    [Theory]
    [InlineData("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")]
    [InlineData("abc123")]
    public async Task Start_ScrapeKeyHashThatIsNot64HexDigits_StopsTheStartNamingIt(string hash)
    {
        await using var database = await TestDatabase.CreateEmptyAsync(StorageProvider.Sqlite, Token);
        await using var factory = new ApiFactory(database, new Dictionary<string, string?> { ["Telemetry:ScrapeKeySha256"] = hash });

        var error = Assert.Throws<OptionsValidationException>(() => factory.Server);

        Assert.Contains("Telemetry:ScrapeKeySha256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScrapeKey_ReadsMetricsOnly()
    {
        const string scrapeKey = "scrape-key-for-the-collector-0123";
        await using var database = await TestDatabase.CreateEmptyAsync(StorageProvider.Sqlite, Token);
        await using var factory = new ApiFactory(database,
            new Dictionary<string, string?> { ["Telemetry:ScrapeKeySha256"] = TestKeys.Sha256Hex(scrapeKey).ToUpperInvariant() });
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", scrapeKey);

        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/metrics", Token)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/jobs", Token)).StatusCode);
    }
}
