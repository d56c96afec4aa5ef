using Analytics.Data;
using Analytics.Data.Portfolios;
using Analytics.Data.Reports;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Jobs;

/// <summary>
/// The <c>risk-report</c> job (PRODUCT.md §3.6): a portfolio's report at the run's instant, computed in full first
/// (<see cref="RiskReportService"/>), then written in one transaction (<see cref="RiskReportStore"/>), so a run that fails
/// or is killed leaves no partial report. One portfolio's reports never run at once (<see cref="PortfolioJobLock"/>).
/// With <see cref="ReportParameters.SplitMonteCarlo"/> the Monte Carlo VaR is cut into block jobs
/// (<see cref="MonteCarloBlockJob"/>) and the report is written by <see cref="FinishSplitAsync"/> when the last block is stored.
/// Arguments are values (ids, instants as ticks, parameters as JSON), never objects.
/// </summary>
public sealed class RiskReportJob(
    AnalyticsDbContext db, RiskReportService service, RiskReportStore store, PortfolioStore portfolios, ReportEnvironment environment,
    PortfolioJobLock locks, IBackgroundJobClient jobs, TimeProvider time)
{
    /// <summary>The name used for this job in <c>Jobs:Recurring</c>.</summary>
    public const string Name = "risk-report";

    /// <summary>The <c>risk-report</c> kind: arguments read by <see cref="ReportArguments"/>, the portfolio checked to exist.</summary>
    public static JobKind Kind { get; } = new(Name, typeof(RiskReportJob), args =>
    {
        var (portfolioId, parameters, problems) = ReportArguments.Parse(args.All(), args.Context.MarginModelIds, args.Context.ChainIds);
        foreach (var (argument, message) in problems) args.Problem(argument, message);
        if (portfolioId > 0 && args.Context.PortfolioExists(portfolioId) == false) args.Problem("portfolioId", $"there is no portfolio {portfolioId}");
        var json = parameters is null ? "" : ReportArguments.ToJson(parameters);
        return (manager, id, cron, options) => manager.AddOrUpdate<RiskReportJob>(id, job => job.RunAsync(portfolioId, json, CancellationToken.None), cron, options);
    });

    /// <summary>
    /// Computes and stores the report of portfolio <paramref name="portfolioId"/> now; returns the report id, or null when
    /// the Monte Carlo VaR was split into block jobs (the report is then written when they are done).
    /// </summary>
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [10, 60, 300])]
    public async Task<long?> RunAsync(long portfolioId, string parametersJson, CancellationToken cancellationToken)
    {
        var parameters = ReportArguments.FromJson(parametersJson);
        if (parameters.SplitMonteCarlo && parameters.MonteCarloBlocks > 1)
        {
            var asOf = time.GetUtcNow();
            var portfolio = await portfolios.FindAsync(db, portfolioId, null, cancellationToken)
                            ?? throw new ReportInputException($"there is no portfolio {portfolioId}.");
            var runId = Guid.NewGuid().ToString("N");
            for (int block = 0; block < parameters.MonteCarloBlocks; block++)
            {
                int b = block;
                jobs.Enqueue<MonteCarloBlockJob>(j => j.RunAsync(runId, portfolioId, portfolio.Version, asOf.UtcTicks, parametersJson, b, CancellationToken.None));
            }

            return null;
        }

        // Hangfire delivers at least once: a rerun of a background job whose report is already written returns that report.
        var jobId = CurrentJob.BackgroundJobId;
        if (jobId is not null && await store.IdOfJobAsync(db, jobId, cancellationToken) is { } written) return written;
        using (locks.Acquire(portfolioId, PortfolioJobLock.DefaultTimeout))
        {
            // Valued at the instant the lock is held: a report that waited for another of its portfolio is not older than
            // it, and [as-of, written] lies inside the locked section (the multi-worker test reads the sections from that).
            if (jobId is not null && await store.IdOfJobAsync(db, jobId, cancellationToken) is { } meanwhile) return meanwhile;
            var stored = await ComputeAndWriteAsync(portfolioId, null, parameters, time.GetUtcNow(), null, null, cancellationToken, jobId);
            return stored.Id;
        }
    }

    /// <summary>
    /// Writes the report of split run <paramref name="runId"/> from its stored blocks; does nothing when it is already
    /// written (two blocks finishing at once may both enqueue this), and fails (to be retried) while a block is missing.
    /// </summary>
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [2, 5, 15, 30, 60])]
    public async Task<long?> FinishSplitAsync(string runId, long portfolioId, int version, long asOfUtcTicks, string parametersJson, CancellationToken cancellationToken)
    {
        if (await store.SplitRunStoredAsync(db, runId, cancellationToken)) return null;
        var parameters = ReportArguments.FromJson(parametersJson);
        using (locks.Acquire(portfolioId, PortfolioJobLock.DefaultTimeout))
        {
            if (await store.SplitRunStoredAsync(db, runId, cancellationToken)) return null;
            var blocks = await MonteCarloBlockJob.ReadBlocksAsync(db, runId, cancellationToken);
            if (blocks.Count != parameters.MonteCarloBlocks)
                throw new InvalidOperationException($"split run {runId}: {blocks.Count} of {parameters.MonteCarloBlocks} blocks are stored.");
            try
            {
                var stored = await ComputeAndWriteAsync(portfolioId, version, parameters, new DateTimeOffset(asOfUtcTicks, TimeSpan.Zero), blocks, runId, cancellationToken);
                return stored.Id;
            }
            catch (DbUpdateException)
            {
                // Another finisher wrote it first (the unique split run id kept it to one report); anything else is a failure.
                if (!await store.SplitRunStoredAsync(db, runId, CancellationToken.None)) throw;
                return null;
            }
        }
    }

    private async Task<StoredRiskReport> ComputeAndWriteAsync(long portfolioId, int? version, ReportParameters parameters, DateTimeOffset asOf,
        IReadOnlyList<double[]>? blocks, string? runId, CancellationToken cancellationToken, string? backgroundJobId = null)
    {
        var (report, dayRun) = await service.ComputeAsync(portfolioId, version, parameters, asOf, environment, blocks, cancellationToken);
        var portfolio = await portfolios.FindAsync(db, portfolioId, report.Inputs.PortfolioVersion, cancellationToken, includeDeleted: true)
                        ?? throw new ReportInputException($"portfolio {portfolioId} version {report.Inputs.PortfolioVersion} vanished while the report was computed.");
        return await store.WriteAsync(db, report, dayRun, portfolio.Definition, runId, time.GetUtcNow(), cancellationToken, backgroundJobId);
    }
}
