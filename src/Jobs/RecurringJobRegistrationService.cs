using Analytics.Data;
using Analytics.Data.Indexing;
using Analytics.Data.Margin;
using Analytics.Data.Market;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Analytics.Jobs;

/// <summary>
/// Registers the recurring jobs of <c>Jobs:Recurring</c> (<see cref="RecurringJobRegistrar.Register"/>) when the host
/// starts, before the job server begins polling (it is added ahead of the Hangfire server). Arguments are checked
/// against the database's portfolios and the configured margin models and chains (<see cref="JobValidationContext"/>).
/// An invalid entry throws from <see cref="StartAsync"/>, so the host does not start.
/// </summary>
public sealed class RecurringJobRegistrationService(
    IRecurringJobManager manager, JobStorage storage, IOptions<List<RecurringJobDefinition>> definitions, IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        // Only arguments refer to anything: entries without (heartbeat) need no database read or configured models.
        var context = definitions.Value.Any(d => d.Arguments.Count > 0) && services.GetService<AnalyticsDbContext>() is { } db
            ? await JobValidationContext.ReadAsync(db, services.GetService<MarginModels>(), services.GetService<ChainProfiles>(),
                services.GetService<IOptions<IndexerOptions>>()?.Value, cancellationToken)
            : JobValidationContext.Unchecked;
        RecurringJobRegistrar.Register(manager, storage, definitions.Value, context);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
