using System.Collections.Immutable;
using System.Text.Json;
using Analytics.Data;
using Hangfire;
using Analytics.Data.Entities;
using Analytics.Data.Margin;
using Analytics.Data.Market;
using Analytics.Data.Portfolios;
using Analytics.Data.Risk;
using Analytics.Pricing.Margin;
using Analytics.Pricing.Risk;
using Analytics.Pricing.Surfaces;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Jobs;

/// <summary>
/// <c>margin-monitor</c>: margins each portfolio (one, or every stored one) as <c>POST /risk/margin</c> does (the
/// margin service's market snapshot at the run's instant, the model's margin plus the chain's liquidation-latency
/// add-on) under the configured models and chains, compares utilisation with the warning and liquidation thresholds,
/// and stores an alert (<c>margin_alerts</c>, with its figures) when a level is crossed upwards
/// (<see cref="MarginAlertRule"/>; the state per portfolio × model × chain × level is kept in <c>margin_alert_states</c>).
/// Each portfolio is margined under its <see cref="PortfolioJobLock"/>, and its alerts and states are written in one
/// transaction. A model that has no rule for a position, or missing market data, is recorded in the run's summary and
/// skipped (it is not a failure to retry).
/// </summary>
public sealed class MarginMonitorJob(
    AnalyticsDbContext db, PortfolioStore portfolios, MarginService margin, MarginModels models, ChainProfiles chains,
    PortfolioJobLock locks, TimeProvider time)
{
    /// <summary>The name used for this job in <c>Jobs:Recurring</c>.</summary>
    public const string Name = "margin-monitor";

    /// <summary>Defaults: warning at 80 % utilisation, liquidation at 100 % (maintenance margin = equity).</summary>
    public const double DefaultWarning = 0.8, DefaultLiquidation = 1.0;

    /// <summary>How long a run waits for a portfolio another job is working on.</summary>
    public static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Arguments: <c>portfolioId</c> (optional: every stored portfolio), <c>models</c> (comma-separated margin model ids;
    /// default every configured model), <c>chains</c> (comma-separated chain ids; default <c>ethereum</c>),
    /// <c>warningUtilisation</c> (default 0.8) and <c>liquidationUtilisation</c> (default 1.0), with 0 &lt; warning &lt;
    /// liquidation ≤ 100, and <c>surfaceModel</c> (<c>svi</c> or <c>ssvi</c>, default <c>svi</c>).
    /// </summary>
    public static JobKind Kind { get; } = new(Name, typeof(MarginMonitorJob), args =>
    {
        var portfolioId = args.PortfolioId();
        var modelIds = args.Choice("models", args.Context.MarginModelIds, null);
        var chainIds = args.Choice("chains", args.Context.ChainIds, ["ethereum"]);
        var warning = args.Number("warningUtilisation", DefaultWarning, 1e-6, 100);
        var liquidation = args.Number("liquidationUtilisation", DefaultLiquidation, 1e-6, 100);
        if (warning >= liquidation) args.Problem("warningUtilisation", $"{warning} must be below liquidationUtilisation ({liquidation})");
        var surface = SurfaceModelArgument(args);
        if (args.Context.MarginModelIds is null && modelIds.Length == 0) args.Problem("models", "is required when the configured models are not known");
        return (manager, id, cron, options) => manager.AddOrUpdate<MarginMonitorJob>(id,
            job => job.RunAsync(id, portfolioId, modelIds, chainIds, warning, liquidation, surface, CancellationToken.None), cron, options);
    });

    /// <summary>
    /// One run; returns its summary (JSON): per portfolio (<c>portfolios[i].result</c>) the rows margined, alerts raised and
    /// what was skipped, with the wall-clock interval the portfolio's lock was held (<c>lockedFrom</c>, <c>lockedUntil</c>).
    /// </summary>
    /// <param name="recurringJobId">The recurring job (or caller) the alerts are attributed to.</param>
    /// <param name="portfolioId">One portfolio, or null for every stored one.</param>
    /// <param name="modelIds">Margin model ids; empty: every configured model.</param>
    /// <param name="chainIds">Chain ids.</param>
    /// <param name="warningUtilisation">Warning threshold.</param>
    /// <param name="liquidationUtilisation">Liquidation threshold.</param>
    /// <param name="surfaceModel">Surface model of the vols (<c>svi</c> or <c>ssvi</c>).</param>
    /// <param name="cancellationToken">Server shutdown.</param>
    public async Task<string> RunAsync(string recurringJobId, long? portfolioId, string[] modelIds, string[] chainIds,
        double warningUtilisation, double liquidationUtilisation, string surfaceModel, CancellationToken cancellationToken)
    {
        var ids = portfolioId is { } one
            ? [one]
            : await db.Portfolios.AsNoTracking().Where(p => p.DeletedUtc == null).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(cancellationToken);
        var chosenModels = modelIds.Length == 0 ? models.All.ToList() : modelIds.Select(m => models.Find(m) ?? throw new InvalidOperationException($"Margin model '{m}' is not configured.")).ToList();
        var chosenChains = chainIds.Select(c => chains.Find(c) ?? throw new InvalidOperationException($"Chain '{c}' is not configured.")).ToList();
        var model = SurfaceModelOf(surfaceModel);
        var results = new List<object>();
        foreach (var id in ids)
        {
            using (locks.Acquire(id, LockTimeout))
            {
                var lockedFrom = DateTime.UtcNow; // wall clock, not the time provider: when this process held the lock
                var result = await MonitorAsync(recurringJobId, id, chosenModels, chosenChains, warningUtilisation, liquidationUtilisation, model, cancellationToken);
                results.Add(new { result, lockedFrom, lockedUntil = DateTime.UtcNow });
            }
        }
        return JsonSerializer.Serialize(new { portfolios = results }, SummaryJson);
    }

    private async Task<object> MonitorAsync(string recurringJobId, long portfolioId, List<MarginModel> chosenModels, List<Pricing.L2.ChainProfile> chosenChains,
        double warning, double liquidation, SurfaceModel surfaceModel, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stored = await portfolios.FindAsync(db, portfolioId, null, cancellationToken);
        if (stored is null) return new { portfolioId, skipped = "the portfolio does not exist (or was deleted)" };
        var definition = stored.Definition;
        var offsets = definition.Positions.Select(p => p.Kind == RiskInstrumentKind.Perpetual && p.EntryPrice is { } entry ? -p.Quantity * entry : 0.0).ToArray();
        var (context, missing) = await margin.PrepareAsync(RiskBook.Of(definition), offsets, now, surfaceModel, models.Settings, cancellationToken);
        if (context is null) return new { portfolioId, version = stored.Version, skipped = string.Join(" ", missing.Select(m => m.Reason)) };

        var states = await db.MarginAlertStates.Where(s => s.PortfolioId == portfolioId).ToListAsync(cancellationToken);
        var rows = new List<object>();
        var raised = 0;
        var settings = models.Settings;
        var none = ImmutableDictionary<string, double>.Empty;
        foreach (var model in chosenModels)
        {
            if (MarginCalculator.Uncovered(model, context.Book) is { IsEmpty: false } lacking)
            {
                rows.Add(new { model = model.Id, skipped = $"no rule for {string.Join(", ", lacking.Select(l => $"{l.Underlying} {l.Instrument}"))}" });
                continue;
            }
            foreach (var chain in chosenChains)
            {
                var horizon = LiquidationLatency.HorizonSeconds(chain.LiquidationLatencySeconds, chain.BlockTimeSeconds, settings.OracleHeartbeatSeconds);
                var result = MarginAnalysis.Run(model, context.Book, context.DailyVols, horizon, settings.AddOnConfidence, solveLiquidation: false);
                foreach (var (level, threshold) in new[] { (MarginAlertRule.Warning, warning), (MarginAlertRule.Liquidation, liquidation) })
                {
                    var state = states.FirstOrDefault(s => s.Model == model.Id && s.Chain == chain.Id && s.Level == level);
                    var (above, raise) = MarginAlertRule.Evaluate(state?.Above, result.Utilisation, threshold);
                    if (state is null)
                    {
                        state = new MarginAlertStateEntity { PortfolioId = portfolioId, Model = model.Id, Chain = chain.Id, Level = level };
                        db.MarginAlertStates.Add(state);
                        states.Add(state);
                    }
                    (state.Above, state.Utilisation, state.CheckedAtUtc) = (above, result.Utilisation, now.UtcDateTime);
                    if (!raise) continue;
                    raised++;
                    db.MarginAlerts.Add(new MarginAlertEntity
                    {
                        PortfolioId = portfolioId, PortfolioVersion = stored.Version, Model = model.Id, Chain = chain.Id, Level = level,
                        RaisedAtUtc = time.GetUtcNow().UtcDateTime, AsOfUtc = now.UtcDateTime, Utilisation = result.Utilisation, Threshold = threshold,
                        EquityUsd = result.EquityUsd, MaintenanceMarginUsd = result.MaintenanceMarginUsd, InitialMarginUsd = result.InitialMarginUsd,
                        RecurringJobId = recurringJobId,
                    });
                }
                rows.Add(new { model = model.Id, chain = chain.Id, utilisation = result.Utilisation, result.EquityUsd, result.MaintenanceMarginUsd });
            }
        }

        // States and alerts together: a run killed before this leaves neither, and the retry sees the old states.
        await db.SaveChangesAsync(cancellationToken);
        return new { portfolioId, version = stored.Version, alertsRaised = raised, rows };
    }

    /// <summary>Reads <c>surfaceModel</c> (<c>svi</c> or <c>ssvi</c>, default <c>svi</c>).</summary>
    internal static string SurfaceModelArgument(JobArguments args, string name = "surfaceModel")
    {
        var text = (args.Text(name) ?? "svi").ToLowerInvariant();
        if (text is not ("svi" or "ssvi")) args.Problem(name, $"'{text}' is not a surface model: svi, ssvi");
        return text;
    }

    internal static SurfaceModel SurfaceModelOf(string id) => id == "ssvi" ? SurfaceModel.Ssvi : SurfaceModel.Svi;

    internal static readonly JsonSerializerOptions SummaryJson = new(JsonSerializerDefaults.Web);
}
