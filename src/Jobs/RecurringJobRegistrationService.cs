using Analytics.Data;
using Analytics.Data.Indexing;
using Analytics.Data.Margin;
using Analytics.Data.Market;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Analytics.Jobs;

/// <summary>
/// Registers the recurring jobs of <c>Jobs:Recurring</c> (<see cref="RecurringJobRegistrar.Register"/>) when the host
/// starts, before the job server begins polling (it is added ahead of the Hangfire server). Arguments are checked
/// against the database's portfolios and the configured margin models and chains (<see cref="JobValidationContext"/>).
/// An invalid entry throws from <see cref="StartAsync"/>, so the host does not start. A valid configuration whose write
/// meets a held storage lock (a process killed while it held Hangfire's recurring-job lock leaves it until the storage's
/// lock timeout) does not stop the start: the schedules already stored stay in force, and the write is retried in the
/// background every <see cref="RetryInterval"/> until it goes through.
/// </summary>
public sealed class RecurringJobRegistrationService(
    IRecurringJobManager manager, JobStorage storage, IOptions<List<RecurringJobDefinition>> definitions, IServiceScopeFactory scopes,
    ILogger<RecurringJobRegistrationService>? logger = null) : IHostedService
{
    // Optional: a container without logging (the job tests' on purpose: Hangfire would make its factory process-wide) logs nothing.
    private readonly ILogger _logger = logger ?? NullLogger<RecurringJobRegistrationService>.Instance;

    /// <summary>Time between two attempts to write the schedules while a storage lock is held.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stopping = new();
    private Task _retry = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        // Only arguments refer to anything: entries without (heartbeat) need no database read or configured models.
        var context = definitions.Value.Any(d => d.Arguments.Count > 0) && services.GetService<AnalyticsDbContext>() is { } db
            ? await JobValidationContext.ReadAsync(db, services.GetService<MarginModels>(), services.GetService<ChainProfiles>(),
                services.GetService<IOptions<IndexerOptions>>()?.Value, cancellationToken)
            : JobValidationContext.Unchecked;
        try
        {
            RecurringJobRegistrar.Register(manager, storage, definitions.Value, context);
        }
        catch (Exception e) when (IsLockTimeout(e))
        {
            _logger.LogWarning(e, "Recurring jobs not written yet: a storage lock is held (a stopped process's, until it expires); retrying every {Interval}", RetryInterval);
            _retry = RetryAsync(context, _stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await _retry.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    /// <summary>Whether <paramref name="e"/> is a storage's distributed-lock timeout (Hangfire's own, or Hangfire.PostgreSql's).</summary>
    public static bool IsLockTimeout(Exception e) => e is DistributedLockTimeoutException or PostgreSqlDistributedLockException;

    private async Task RetryAsync(JobValidationContext context, CancellationToken stopping)
    {
        for (int attempt = 2; ; attempt++)
        {
            await Task.Delay(RetryInterval, stopping);
            try
            {
                RecurringJobRegistrar.Register(manager, storage, definitions.Value, context);
                _logger.LogInformation("Recurring jobs written at attempt {Attempt}", attempt);
                return;
            }
            catch (Exception e) when (IsLockTimeout(e))
            {
                _logger.LogWarning("Recurring jobs still not written at attempt {Attempt}: {Reason}", attempt, e.Message);
            }
        }
    }
}
