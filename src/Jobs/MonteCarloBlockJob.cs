using System.Buffers.Binary;
using Analytics.Data;
using Analytics.Data.Entities;
using Analytics.Data.Portfolios;
using Analytics.Data.Reports;
using Analytics.Data.Risk;
using Analytics.Pricing.Risk.Var;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Jobs;

/// <summary>
/// One block of a Monte Carlo VaR run split across jobs (PRODUCT.md §3.6, <see cref="MonteCarloBlocks"/>): rebuilds the
/// run's setup from stored data at the run's instant (the same on every node), values its share of the paths with its own
/// seed, stores the block's P&amp;L once, and enqueues <see cref="RiskReportJob.FinishSplitAsync"/> when every block of the
/// run is stored (the completion check is a count in the database; the finisher is idempotent).
/// </summary>
public sealed class MonteCarloBlockJob(
    AnalyticsDbContext db, PortfolioStore portfolios, VarService var, ReportEnvironment environment, IBackgroundJobClient jobs, TimeProvider time)
{
    /// <summary>
    /// Computes and stores block <paramref name="block"/> of run <paramref name="runId"/>. A block is cheap and idempotent,
    /// so a failed one (a busy database) is retried within seconds, not after Hangfire's default backoff of up to minutes.
    /// </summary>
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [2, 5, 15, 30, 60])]
    public async Task RunAsync(string runId, long portfolioId, int version, long asOfUtcTicks, string parametersJson, int block, CancellationToken cancellationToken)
    {
        var parameters = ReportArguments.FromJson(parametersJson);
        if (!await db.MonteCarloBlocks.AnyAsync(b => b.RunId == runId && b.Block == block, cancellationToken))
        {
            var pnl = await ComputeAsync(db, portfolios, var, environment, portfolioId, version, new DateTimeOffset(asOfUtcTicks, TimeSpan.Zero), parameters, block, cancellationToken);
            db.MonteCarloBlocks.Add(new MonteCarloBlockEntity
            {
                RunId = runId, Block = block, Blocks = parameters.MonteCarloBlocks, Seed = MonteCarloBlocks.BlockSeed(parameters.Seed, block),
                ProfitAndLoss = ToBytes(pnl), CreatedUtc = time.GetUtcNow().UtcDateTime, Node = JobNode.Name,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                // An earlier attempt of this block stored it (the same bits): keep the first; anything else is a failure.
                if (!await db.MonteCarloBlocks.AnyAsync(b => b.RunId == runId && b.Block == block, CancellationToken.None)) throw;
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        if (await db.MonteCarloBlocks.CountAsync(b => b.RunId == runId, cancellationToken) == parameters.MonteCarloBlocks)
            jobs.Enqueue<RiskReportJob>(j => j.FinishSplitAsync(runId, portfolioId, version, asOfUtcTicks, parametersJson, CancellationToken.None));
    }

    /// <summary>The P&amp;L of block <paramref name="block"/> of the Monte Carlo run the parameters describe.</summary>
    public static async Task<double[]> ComputeAsync(AnalyticsDbContext db, PortfolioStore portfolios, VarService var, ReportEnvironment environment,
        long portfolioId, int version, DateTimeOffset asOfUtc, ReportParameters parameters, int block, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(portfolios);
        ArgumentNullException.ThrowIfNull(var);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(parameters);
        var portfolio = await portfolios.FindAsync(db, portfolioId, version, cancellationToken, includeDeleted: true)
                        ?? throw new ReportInputException($"portfolio {portfolioId} has no version {version}.");
        var (setup, missing) = await var.PrepareMonteCarloAsync(RiskBook.Of(portfolio.Definition), parameters.Specification(VarMethod.MonteCarlo), asOfUtc,
            environment.SurfaceModel, RiskCarryPlan.Of(environment.Carry), cancellationToken);
        if (setup is null) throw new ReportInputException($"Monte Carlo block {block}: {string.Join(" ", missing.Select(m => m.Reason))}");
        return VarService.BlockProfitAndLoss(setup, parameters.MonteCarloBlocks, block);
    }

    /// <summary>The stored blocks of run <paramref name="runId"/>, by block number.</summary>
    public static async Task<IReadOnlyList<double[]>> ReadBlocksAsync(AnalyticsDbContext db, string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.MonteCarloBlocks.AsNoTracking().Where(b => b.RunId == runId).OrderBy(b => b.Block)
            .Select(b => b.ProfitAndLoss).ToListAsync(cancellationToken);
        return [.. rows.Select(FromBytes)];
    }

    /// <summary>Little-endian IEEE 754 bytes of <paramref name="values"/> (bit-exact).</summary>
    public static byte[] ToBytes(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var bytes = new byte[values.Count * sizeof(double)];
        for (int i = 0; i < values.Count; i++) BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * sizeof(double)), values[i]);
        return bytes;
    }

    /// <summary>The doubles of <see cref="ToBytes"/>.</summary>
    public static double[] FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var values = new double[bytes.Length / sizeof(double)];
        for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(i * sizeof(double)));
        return values;
    }
}
