using Analytics.Data.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Analytics.TestSupport;

namespace Analytics.Api.Tests.Infrastructure;

/// <summary>
/// One started service per test class. The PostgreSQL variant fails in CI and skips elsewhere when no PostgreSQL
/// server can be started (the check runs in each test's constructor, where xunit reports a skip as a skip).
/// </summary>
public abstract class ApiFixture : IAsyncLifetime
{
    private ApiFactory? _factory;
    private PostgresStartResult? _postgres;

    protected abstract StorageProvider Provider { get; }

    protected virtual IReadOnlyDictionary<string, string?> Overrides => new Dictionary<string, string?>();

    protected virtual Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? ConfigureServices => null;

    public ApiFactory Factory => _factory ?? throw new InvalidOperationException("The service did not start; see RequireAvailable.");

    public async ValueTask InitializeAsync()
    {
        if (Provider == StorageProvider.Postgres && !(_postgres = await PostgresServer.Shared).IsStarted)
            return;
        var database = await TestDatabase.CreateEmptyAsync(Provider, CancellationToken.None);
        _factory = new ApiFactory(database, Overrides, ConfigureServices);
        _ = _factory.Server; // start now: applies migrations, registers jobs
    }

    /// <summary>Call from each test class's constructor.</summary>
    public void RequireAvailable() => _postgres?.RequireServer();

    /// <summary>A client that sends <paramref name="apiKey"/> as X-Api-Key, when given.</summary>
    public HttpClient Client(string? apiKey = null)
    {
        var client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (apiKey is not null) client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is null) return;
        await _factory.DisposeAsync();
        await _factory.Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteApi : ApiFixture
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresApi : ApiFixture
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}

/// <summary>The service with anonymous reads switched off.</summary>
public sealed class SqliteApiWithoutAnonymousReads : ApiFixture
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;

    protected override IReadOnlyDictionary<string, string?> Overrides => new Dictionary<string, string?> { ["Auth:AllowAnonymousReads"] = "false" };
}

/// <summary>The service with a small batch limit, to test the limit without megabyte bodies.</summary>
public sealed class SqliteApiWithSmallBatchLimit : ApiFixture
{
    public const int MaxBatchItems = 50;

    protected override StorageProvider Provider => StorageProvider.Sqlite;

    protected override IReadOnlyDictionary<string, string?> Overrides => new Dictionary<string, string?> { ["Limits:MaxBatchItems"] = MaxBatchItems.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}

/// <summary>The service with a tiny rate limit: bursts of <see cref="Burst"/> requests, one more per second.</summary>
public sealed class SqliteApiWithTightRateLimit : ApiFixture
{
    public const int Burst = 3;

    protected override StorageProvider Provider => StorageProvider.Sqlite;

    protected override IReadOnlyDictionary<string, string?> Overrides => new Dictionary<string, string?>
    {
        ["RateLimits:PermitsPerSecond"] = "1",
        ["RateLimits:Burst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>The service on a machine where the QuantLib native library did not load.</summary>
public sealed class SqliteApiWithoutQuantLib : ApiFixture
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;

    protected override Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? ConfigureServices => services =>
    {
        services.RemoveAll<Analytics.Pricing.QuantLib.QuantLibVanillaOptionPricer>();
        services.AddSingleton(Analytics.Pricing.QuantLib.QuantLibVanillaOptionPricer.Unavailable("test: native library libNQuantLibc.so not found"));
    };
}

/// <summary>The service with <c>Surfaces:MaxSnapshotAge</c> of a week, so a fit may fall back to a board days older.</summary>
public sealed class SqliteApiWithWeekSnapshotAge : ApiFixture
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;

    protected override IReadOnlyDictionary<string, string?> Overrides => new Dictionary<string, string?> { ["Surfaces:MaxSnapshotAge"] = "7.00:00:00" };
}
