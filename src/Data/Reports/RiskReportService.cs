using System.Collections.Immutable;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Analytics.Data.Margin;
using Analytics.Data.Market;
using Analytics.Data.Portfolios;
using Analytics.Data.Risk;
using Analytics.Pricing.Margin;
using Analytics.Pricing.Risk;
using Analytics.Pricing.Risk.Backtesting;
using Analytics.Pricing.Risk.Stress;
using Analytics.Pricing.Risk.Var;
using Analytics.Pricing.Surfaces;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Data.Reports;

/// <summary>
/// Computes a risk report of a stored portfolio at an instant (PRODUCT.md §3.6) without writing anything: VaR and ES by
/// each configured method (<see cref="VarService"/>), the stress catalogue (<see cref="StressService"/>), margin under each
/// configured model on each chain with liquidation prices (<see cref="MarginService"/>, <see cref="MarginAnalysis"/>), a
/// spot × vol grid of the book's P&amp;L, and the backtest of the stored daily VaR history against realised P&amp;L
/// (<see cref="StoredVarBacktest"/>). The same inputs give the same report (Monte Carlo with its stored seed), which is
/// what <c>POST /reports/{id}/reproduce</c> checks. Scoped like the services it uses.
/// </summary>
public sealed class RiskReportService(
    AnalyticsDbContext db, PortfolioStore portfolios, MarketSnapshotService market, VarService var, StressService stress, MarginService margin, MarginModels models,
    ChainProfiles chains, StoredVarBacktest backtest, TimeProvider time)
{
    /// <summary>Default grid of relative spot moves when no portfolio-margin model gives one.</summary>
    public static readonly ImmutableArray<double> DefaultSpotMoves = [-0.3, -0.2, -0.1, -0.05, 0.0, 0.05, 0.1, 0.2, 0.3];

    /// <summary>Absolute vol shifts of the grid's columns.</summary>
    public static readonly ImmutableArray<double> GridVolShifts = [-0.2, -0.1, 0.0, 0.1, 0.2];

    /// <summary>The code version reports record: the informational version of this assembly (with the git commit when built from one).</summary>
    public static string CodeVersion { get; } =
        typeof(RiskReportService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>
    /// The report of portfolio <paramref name="portfolioId"/> (version <paramref name="version"/>, the current one when null) at
    /// <paramref name="asOfUtc"/> (in whole microseconds, truncated), and the one-day VaR run to store with it (null when no method gives one). Monte Carlo with
    /// more than one block takes <paramref name="monteCarloBlocks"/> when given (each block's P&amp;L, by block number, as
    /// the block jobs computed them), else computes the blocks here.
    /// </summary>
    /// <exception cref="ReportInputException">The portfolio or version is not stored, or no section could be computed.</exception>
    public async Task<(RiskReport Report, VarRun? DayRun)> ComputeAsync(long portfolioId, int? version, ReportParameters parameters, DateTimeOffset asOfUtc,
        ReportEnvironment environment, IReadOnlyList<double[]>? monteCarloBlocks, CancellationToken cancellationToken, RiskCarryPlan? carryOverride = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(environment);
        parameters = parameters.Normalized();
        // Whole microseconds (PostgreSQL's resolution): the instant stored, and the one the stored VaR run is rebuilt at, is the one valued.
        asOfUtc = new DateTimeOffset(asOfUtc.UtcTicks - asOfUtc.UtcTicks % 10, TimeSpan.Zero);
        var timings = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        var started = time.GetTimestamp();
        var portfolio = await portfolios.FindAsync(db, portfolioId, version, cancellationToken, includeDeleted: version is not null)
                        ?? throw new ReportInputException(version is { } v ? $"portfolio {portfolioId} has no version {v}." : $"there is no portfolio {portfolioId}.");
        var hash = await ContentHashAsync(portfolio.Id, portfolio.Version, cancellationToken);
        var book = RiskBook.Of(portfolio.Definition);
        var carry = carryOverride ?? RiskCarryPlan.Of(environment.Carry);
        var notes = ImmutableArray.CreateBuilder<string>();
        RiskInputs? inputs = null;
        timings["portfolio"] = Elapsed(ref started);

        var vars = ImmutableArray.CreateBuilder<ReportVar>();
        VarRun? dayRun = null;
        foreach (var id in parameters.Methods)
        {
            var method = ReportArguments.Method(id);
            var spec = parameters.Specification(method);
            if (method == VarMethod.MonteCarlo && parameters.MonteCarloBlocks > 1)
            {
                var (setup, lacking) = await var.PrepareMonteCarloAsync(book, spec, asOfUtc, environment.SurfaceModel, carry, cancellationToken);
                if (setup is null)
                {
                    notes.Add($"VaR {id}: {string.Join(" ", lacking.Select(m => m.Reason))}");
                    continue;
                }

                inputs ??= setup.Inputs;
                int blocks = parameters.MonteCarloBlocks;
                var pnl = monteCarloBlocks ?? [.. Enumerable.Range(0, blocks).Select(b => VarService.BlockProfitAndLoss(setup, blocks, b))];
                if (pnl.Count != blocks) throw new ArgumentException($"{pnl.Count} blocks given; the run has {blocks}.", nameof(monteCarloBlocks));
                var combined = MonteCarloBlocks.Combine(pnl, spec.Confidence);
                vars.Add(new ReportVar(id, combined.ValueAtRisk, combined.ExpectedShortfall, combined.StandardError.ValueAtRisk, combined.StandardError.ExpectedShortfall,
                    [.. combined.ProfitAndLoss], $"{spec.HorizonDays}-day lognormal moves from the daily covariance × {spec.HorizonDays}, {spec.Paths} antithetic paths in " +
                    $"{blocks} blocks, block b seeded with SplitMix64(seed {spec.Seed}, b), concatenated in block order"));
            }
            else
            {
                var outcome = await var.RunAsync(book, spec, asOfUtc, environment.SurfaceModel, carry, cancellationToken);
                if (outcome.Run is not { } run)
                {
                    notes.Add($"VaR {id}: {string.Join(" ", outcome.Missing.Select(m => m.Reason))}");
                    continue;
                }

                inputs ??= run.Inputs;
                if (dayRun is null && spec.HorizonDays == 1) dayRun = run;
                vars.Add(new ReportVar(id, run.Estimate.ValueAtRisk, run.Estimate.ExpectedShortfall, run.StandardError?.ValueAtRisk,
                    run.StandardError?.ExpectedShortfall, run.ProfitAndLoss, run.ScalingNote));
            }

            timings[$"var:{id}"] = Elapsed(ref started);
        }

        var scenarios = (parameters.StressScenarios.IsDefaultOrEmpty ? [.. HistoricalStressScenarios.All.Keys] : parameters.StressScenarios)
            .Select(n => new StressScenarioDefinition(n, null)).ToList();
        var stressed = await stress.RunAsync(book, scenarios, asOfUtc, environment.SurfaceModel, carry, cancellationToken);
        inputs ??= stressed.Inputs;
        if (!stressed.Missing.IsEmpty) notes.Add($"Stress: {string.Join(" ", stressed.Missing.Select(m => m.Reason))}");
        var stressRows = stressed.Results.Select(r => new ReportStress(r.Name, r.Loss,
            r.Moves.ToImmutableSortedDictionary(m => m.Key, m => m.Value.SpotRelative, StringComparer.Ordinal),
            r.Moves.ToImmutableSortedDictionary(m => m.Key, m => m.Value.VolAbsolute, StringComparer.Ordinal))).ToImmutableArray();
        timings["stress"] = Elapsed(ref started);

        var grid = await GridAsync(book, asOfUtc, environment.SurfaceModel, carry, notes, cancellationToken);
        timings["grid"] = Elapsed(ref started);

        var margins = await MarginAsync(portfolio.Definition, book, parameters, asOfUtc, environment.SurfaceModel, notes, cancellationToken);
        timings["margin"] = Elapsed(ref started);

        var tested = await BacktestAsync(portfolio.Id, parameters, asOfUtc, environment.SurfaceModel, notes, cancellationToken);
        timings["backtest"] = Elapsed(ref started);

        var alerts = await AlertsAsync(portfolio.Id, asOfUtc, cancellationToken);
        timings["alerts"] = Elapsed(ref started);

        if (inputs is null)
            throw new ReportInputException($"nothing could be computed for portfolio {portfolioId} at {asOfUtc:O}: {string.Join(" ", notes)}");
        var surfaceIds = inputs.SurfaceIds.Values.ToList();
        var surfaceAsOf = await db.VolatilitySurfaces.AsNoTracking().Where(s => surfaceIds.Contains(s.Id))
            .Select(s => new { s.Id, s.AsOfUtc }).ToDictionaryAsync(s => s.Id, s => s.AsOfUtc, cancellationToken);
        var reportInputs = new ReportInputs(portfolio.Id, portfolio.Version, hash, portfolio.Definition.Name, asOfUtc, inputs.Prices,
            inputs.SurfaceIds.ToImmutableSortedDictionary(s => s.Key, s => new ReportSurface(s.Value, new DateTimeOffset(surfaceAsOf.GetValueOrDefault(s.Value))), StringComparer.Ordinal),
            inputs.HistorySources, parameters, environment.SurfaceModel.ToString().ToLowerInvariant(), CodeVersion)
        {
            Carry = inputs.Carry.ToImmutableSortedDictionary(c => c.Key, c => new ReportCarry(c.Value.Source, c.Value.CostOfCarry, c.Value.Rate), StringComparer.Ordinal),
        };
        return (new RiskReport(reportInputs, vars.ToImmutable(), stressRows, margins, grid, tested, notes.ToImmutable(), timings.ToImmutable(), null)
            { Alerts = alerts }, dayRun);
    }

    /// <summary>How many days of margin alerts before its valuation instant a report lists.</summary>
    public const int AlertWindowDays = 7;

    /// <summary>The portfolio's margin alerts raised in the <see cref="AlertWindowDays"/> days up to <paramref name="asOfUtc"/>, newest first.</summary>
    private async Task<ImmutableArray<ReportAlert>> AlertsAsync(long portfolioId, DateTimeOffset asOfUtc, CancellationToken cancellationToken)
    {
        DateTime until = asOfUtc.UtcDateTime, from = until.AddDays(-AlertWindowDays);
        var rows = await db.MarginAlerts.AsNoTracking()
            .Where(a => a.PortfolioId == portfolioId && a.RaisedAtUtc > from && a.RaisedAtUtc <= until)
            .OrderByDescending(a => a.RaisedAtUtc).ThenByDescending(a => a.Id)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(a => new ReportAlert(a.Id, new DateTimeOffset(DateTime.SpecifyKind(a.RaisedAtUtc, DateTimeKind.Utc)), a.Level, a.Model, a.Chain,
            a.PortfolioVersion, a.Utilisation, a.Threshold, a.EquityUsd, a.MaintenanceMarginUsd))];
    }

    /// <summary>SHA-256 (lower-case hex) of a stored version's positions and collateral JSON.</summary>
    public async Task<string> ContentHashAsync(long portfolioId, int version, CancellationToken cancellationToken)
    {
        var row = await db.PortfolioVersions.AsNoTracking().Where(v => v.PortfolioId == portfolioId && v.Version == version)
            .Select(v => new { v.PositionsJson, v.CollateralJson }).SingleAsync(cancellationToken);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(row.PositionsJson + "\n" + row.CollateralJson)));
    }

    private async Task<ImmutableArray<ReportGrid>> GridAsync(
        RiskBook book, DateTimeOffset asOfUtc, SurfaceModel surfaceModel, RiskCarryPlan carry, ImmutableArray<string>.Builder notes, CancellationToken cancellationToken)
    {
        var positions = book.WithCoinCollateral();
        var underlyings = book.Underlyings();
        if (underlyings.IsEmpty) return [];
        var (snapshot, missing) = await VarService.SnapshotAsync(market, positions, underlyings, asOfUtc, surfaceModel, carry, cancellationToken);
        if (snapshot is null)
        {
            notes.Add($"Scenario grid: {string.Join(" ", missing.Select(m => m.Reason))}");
            return [];
        }

        var (valuation, _) = VarService.Prepare(positions, underlyings, snapshot, asOfUtc, carry);
        var moves = models.All.OfType<PortfolioMarginModel>().Select(m => m.SpotMoves).FirstOrDefault(m => !m.IsDefaultOrEmpty) is { } spot
            ? [.. spot.Append(0.0).Distinct().Order()] : DefaultSpotMoves;
        var grids = ImmutableArray.CreateBuilder<ReportGrid>();
        foreach (var u in underlyings)
        {
            var scenarios = moves.SelectMany(m => GridVolShifts.Select(v => new MarketScenario(0.0, new Dictionary<string, UnderlyingShift> { [u] = new(m, v) }))).ToList();
            var values = valuation.Value(scenarios);
            grids.Add(new ReportGrid(u, moves, GridVolShifts,
                [.. moves.Select((_, i) => GridVolShifts.Select((_, j) => values.ProfitAndLoss(i * GridVolShifts.Length + j)).ToImmutableArray())]));
        }

        return grids.ToImmutable();
    }

    private async Task<ImmutableArray<ReportMargin>> MarginAsync(PortfolioDefinition definition, RiskBook book, ReportParameters parameters, DateTimeOffset asOfUtc,
        SurfaceModel surfaceModel, ImmutableArray<string>.Builder notes, CancellationToken cancellationToken)
    {
        var settings = models.Settings;
        var offsets = definition.Positions.Select(p => p.Kind == RiskInstrumentKind.Perpetual && p.EntryPrice is { } entry ? -p.Quantity * entry : 0.0).ToArray();
        var (context, missing) = await margin.PrepareAsync(book, offsets, asOfUtc, surfaceModel, settings, cancellationToken);
        if (context is null)
        {
            notes.Add($"Margin: {string.Join(" ", missing.Select(m => m.Reason))}");
            return [];
        }

        var chosenModels = parameters.MarginModels.IsDefaultOrEmpty ? models.All : [.. parameters.MarginModels.Select(id => models.Find(id)).OfType<MarginModel>()];
        var chosenChains = parameters.Chains.IsDefaultOrEmpty ? chains.All : [.. parameters.Chains.Select(chains.Find).OfType<Pricing.L2.ChainProfile>()];
        var rows = ImmutableArray.CreateBuilder<ReportMargin>();
        double equity = context.Book.Equity(ImmutableDictionary<string, double>.Empty);
        foreach (var model in chosenModels)
        {
            var uncovered = MarginCalculator.Uncovered(model, context.Book);
            foreach (var chain in chosenChains)
            {
                if (!uncovered.IsEmpty)
                {
                    rows.Add(new ReportMargin(model.Id, model.Venue, model.Kind, chain.Id, null, null, null, equity, null,
                        ImmutableSortedDictionary<string, ReportLiquidation>.Empty,
                        $"no rule for {string.Join(", ", uncovered.Select(l => $"{l.Underlying} {l.Instrument}"))}"));
                    continue;
                }

                double horizon = LiquidationLatency.HorizonSeconds(chain.LiquidationLatencySeconds, chain.BlockTimeSeconds, settings.OracleHeartbeatSeconds);
                var result = MarginAnalysis.Run(model, context.Book, context.DailyVols, horizon, settings.AddOnConfidence, solveLiquidation: true);
                rows.Add(new ReportMargin(model.Id, model.Venue, model.Kind, chain.Id, result.InitialMarginUsd, result.MaintenanceMarginUsd, result.AddOnUsd,
                    result.EquityUsd, result.Utilisation,
                    result.Liquidation.ToImmutableSortedDictionary(l => l.Key, l => new ReportLiquidation(l.Value.DownPriceUsd, l.Value.UpPriceUsd, l.Value.LiquidatableNow), StringComparer.Ordinal),
                    null));
            }
        }

        return rows.ToImmutable();
    }

    private async Task<ReportBacktest?> BacktestAsync(long portfolioId, ReportParameters parameters, DateTimeOffset asOfUtc, SurfaceModel surfaceModel,
        ImmutableArray<string>.Builder notes, CancellationToken cancellationToken)
    {
        if (parameters.BacktestDays < 1) return null;
        var to = DateOnly.FromDateTime(asOfUtc.UtcDateTime).AddDays(-1);
        var from = to.AddDays(1 - parameters.BacktestDays);
        var days = await backtest.DaysAsync(portfolioId, from, to, parameters.Confidence, surfaceModel, asOfUtc, cancellationToken); // closes known at the report's as-of
        var pairs = days.Where(d => d.SkipReason is null).ToList();
        if (pairs.Count == 0)
        {
            notes.Add($"Backtest: no day from {from:yyyy-MM-dd} to {to:yyyy-MM-dd} has a stored one-day VaR run at confidence {parameters.Confidence} and the next day's closes.");
            return null;
        }

        var tested = pairs.Select(p => new ReportBacktestDay(p.Day, p.RunId!, p.ValueAtRisk!.Value, p.ProfitAndLoss!.Value, -p.ProfitAndLoss.Value > p.ValueAtRisk.Value))
            .ToImmutableArray();
        var result = VarBacktest.Evaluate([.. tested.Select(t => t.Exception)], parameters.Confidence, 0.95);
        return new ReportBacktest(from, to, tested, days.Length - pairs.Count, result.Exceptions, result.ProportionOfFailures.PValue,
            result.TrafficLight.Zone.ToString().ToLowerInvariant());
    }

    private double Elapsed(ref long started)
    {
        var now = time.GetTimestamp();
        var ms = time.GetElapsedTime(started, now).TotalMilliseconds;
        started = now;
        return ms;
    }
}
