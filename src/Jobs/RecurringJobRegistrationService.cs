using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Analytics.Jobs;

/// <summary>
/// Registers the recurring jobs of <c>Jobs:Recurring</c> (<see cref="RecurringJobRegistrar.Register"/>) when the host
/// starts, before the job server begins polling (it is added ahead of the Hangfire server). An invalid entry throws
/// from <see cref="StartAsync"/>, so the host does not start.
/// </summary>
public sealed class RecurringJobRegistrationService(
    IRecurringJobManager manager, JobStorage storage, IOptions<List<RecurringJobDefinition>> definitions) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        RecurringJobRegistrar.Register(manager, storage, definitions.Value);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
