using System.Collections.Immutable;
using Analytics.Data.Market;
using Analytics.Data.Telemetry;
using Analytics.Pricing.Market;
using Analytics.Pricing.Risk;
using Analytics.Pricing.Risk.Var;
using Analytics.Pricing.Surfaces;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Statistics;

namespace Analytics.Data.Risk;

/// <summary>
/// VaR and expected shortfall of a book at an instant (PRODUCT.md §3.5, API.md <c>POST /risk/var</c>): one market snapshot
/// (spot per underlying, the surface pricing would use, nothing after the instant), option vols read from the surface at
/// each strike and tenor and held in every scenario (sticky strike), then the chosen estimator over the scenario engine
/// (<see cref="ScenarioValuation"/>). Scoped like the snapshot service it uses.
/// </summary>
/// <remarks>
/// Carry per underlying (PRODUCT.md §3.4): the request's choice, else the configured perp's funding carry (the annualised
/// time-weighted mean funding over the look-back ending at the valuation instant, <see cref="FundingCarryReader"/>), else
/// rates carry at the configured rate; a funding carry without enough indexed funding falls back to rates carry and the
/// inputs say so (<see cref="CarryUsed.Note"/>), never silently. Parametric dollar deltas and gammas come from the same engine by central
/// differences of ±1 % in each underlying's spot, so every method values the book the same way.
/// </remarks>
public sealed class VarService(AnalyticsDbContext db, MarketSnapshotService market, SurfaceStore surfaces)
{
    private const double SpotBump = 0.01;
    private static readonly TimeSpan MinimumVolTenor = TimeSpan.FromHours(1);

    /// <summary>Runs <paramref name="specification"/> on <paramref name="book"/> at <paramref name="asOfUtc"/>.</summary>
    public async Task<VarOutcome> RunAsync(
        RiskBook book, VarSpecification specification, DateTimeOffset asOfUtc, SurfaceModel surfaceModel, RiskCarryPlan carry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(specification);
        ArgumentNullException.ThrowIfNull(carry);
        var positions = book.WithCoinCollateral();
        var underlyings = book.Underlyings();
        if (underlyings.IsEmpty)
            return new VarOutcome(null, [new MissingMarketData("book", "positions", "the book has no position and no coin collateral: nothing is at market risk.")]);
        var (snapshot, missing) = await SnapshotAsync(market, positions, underlyings, asOfUtc, surfaceModel, carry, cancellationToken);
        if (!missing.IsEmpty) return new VarOutcome(null, missing);

        var (valuation, inputs) = Prepare(positions, underlyings, snapshot!, asOfUtc, carry, specification.VolModel == VolModel.StickyMoneyness);
        AlignedReturns returns;
        int horizon = specification.HorizonDays;
        bool overlapping = specification.Method == VarMethod.Historical && specification.Scaling == HorizonScaling.Overlapping;
        var history = await HistoryAsync(underlyings, snapshot!, asOfUtc, specification.LookbackDays, overlapping ? horizon : 1, cancellationToken);
        if (history.Missing is { } lacking) return new VarOutcome(null, [lacking]);
        returns = history.Returns!;
        if (specification.Method != VarMethod.Historical && returns.Returns.RowCount < 2)
        {
            return new VarOutcome(null, [new MissingMarketData("history", string.Join(", ", underlyings),
                $"{returns.Returns.RowCount} daily return(s) of {string.Join(", ", underlyings)} in the look-back; a covariance needs at least 2.")]);
        }

        inputs = inputs with
        {
            HistorySources = history.Sources,
            ReturnDays = returns.Returns.RowCount,
            DroppedDates = returns.DroppedDates,
            FirstReturnEnd = returns.EndDates[0],
            LastReturnEnd = returns.EndDates[^1],
        };

        VolHistory? volHistory = null;
        if (specification.VolModel == VolModel.SurfaceHistory && specification.Method == VarMethod.Historical)
            volHistory = await VolHistoryAsync(positions, returns, asOfUtc, surfaceModel, cancellationToken);

        AnalyticsMetrics.RiskRuns.Add(1, new("kind", "var"), new("method", specification.Method.ToString().ToLowerInvariant()));
        return new VarOutcome(specification.Method switch
        {
            VarMethod.Historical => Historical(valuation, returns, specification, asOfUtc, inputs, volHistory, cancellationToken),
            VarMethod.MonteCarlo => MonteCarlo(valuation, returns, specification, asOfUtc, inputs, cancellationToken),
            _ => Parametric(valuation, positions, returns, specification, asOfUtc, inputs, cancellationToken),
        }, []);
    }

    /// <summary>
    /// What every block of a Monte Carlo run split into blocks shares (<see cref="MonteCarloBlocks"/>): the scenario engine on
    /// the book at <paramref name="asOfUtc"/>, the daily covariance of the look-back's returns and the inputs used; or what is
    /// missing. Deterministic: the same stored data and instant give the same setup on any node.
    /// </summary>
    public async Task<(MonteCarloSetup? Setup, ImmutableArray<MissingMarketData> Missing)> PrepareMonteCarloAsync(
        RiskBook book, VarSpecification specification, DateTimeOffset asOfUtc, SurfaceModel surfaceModel, RiskCarryPlan carry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(specification);
        ArgumentNullException.ThrowIfNull(carry);
        var positions = book.WithCoinCollateral();
        var underlyings = book.Underlyings();
        if (underlyings.IsEmpty)
            return (null, [new MissingMarketData("book", "positions", "the book has no position and no coin collateral: nothing is at market risk.")]);
        var (snapshot, missing) = await SnapshotAsync(market, positions, underlyings, asOfUtc, surfaceModel, carry, cancellationToken);
        if (!missing.IsEmpty) return (null, missing);
        var (valuation, inputs) = Prepare(positions, underlyings, snapshot!, asOfUtc, carry, specification.VolModel == VolModel.StickyMoneyness);
        var history = await HistoryAsync(underlyings, snapshot!, asOfUtc, specification.LookbackDays, 1, cancellationToken);
        if (history.Missing is { } lacking) return (null, [lacking]);
        var returns = history.Returns!;
        if (returns.Returns.RowCount < 2)
        {
            return (null, [new MissingMarketData("history", string.Join(", ", underlyings),
                $"{returns.Returns.RowCount} daily return(s) of {string.Join(", ", underlyings)} in the look-back; a covariance needs at least 2.")]);
        }

        inputs = inputs with
        {
            HistorySources = history.Sources, ReturnDays = returns.Returns.RowCount, DroppedDates = returns.DroppedDates,
            FirstReturnEnd = returns.EndDates[0], LastReturnEnd = returns.EndDates[^1],
        };
        return (new MonteCarloSetup(valuation, returns.Underlyings, Covariance(returns, specification), specification, inputs), []);
    }

    /// <summary>
    /// The scenario P&amp;L of block <paramref name="block"/> of <paramref name="blocks"/> of the setup's run: its share of the
    /// paths (<see cref="MonteCarloBlocks.BlockPaths"/>) drawn with its own seed (<see cref="MonteCarloBlocks.BlockSeed"/>),
    /// fully revalued, in path order.
    /// </summary>
    public static double[] BlockProfitAndLoss(MonteCarloSetup setup, int blocks, int block)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var spec = setup.Specification;
        int paths = MonteCarloBlocks.BlockPaths(spec.Paths, blocks, block);
        var scenarios = MonteCarloScenarios.Generate(setup.Underlyings, setup.DailyCovariance, spec.HorizonDays, paths, MonteCarloBlocks.BlockSeed(spec.Seed, block));
        var values = setup.Valuation.Value(scenarios);
        return [.. Enumerable.Range(0, values.ScenarioCount).Select(values.ProfitAndLoss)];
    }

    /// <summary>
    /// The snapshot a risk run values from (with the funding windows of the carry plan), and what it lacks: a surface only
    /// matters for underlyings with options, and missing funding is not blocking (<see cref="Prepare"/> falls back to rates
    /// carry and says so).
    /// </summary>
    internal static async Task<(MarketSnapshot? Snapshot, ImmutableArray<MissingMarketData> Missing)> SnapshotAsync(MarketSnapshotService market,
        ImmutableArray<RiskPosition> positions, ImmutableArray<string> underlyings, DateTimeOffset asOfUtc, SurfaceModel surfaceModel, RiskCarryPlan carry,
        CancellationToken cancellationToken)
    {
        // Options expired at asOf are worth their intrinsic value: they need no surface.
        var withOptions = positions.Where(p => p.Option is { } o && o.ExpiryUtc > asOfUtc).Select(p => p.Underlying).ToHashSet(StringComparer.Ordinal);
        var windows = underlyings.Select(carry.ChoiceFor).Select(c => c.Window).OfType<FundingWindow>().ToArray();
        var snapshot = await market.BuildAsync(new MarketSnapshotRequest(asOfUtc, underlyings, windows, surfaceModel), cancellationToken);
        var missing = snapshot.Missing.Where(m => m.Kind != "funding" && (m.Kind != "surface" || withOptions.Contains(m.Key))).ToImmutableArray();
        return (missing.IsEmpty ? snapshot : null, missing);
    }

    /// <summary>The scenario engine on the book at the snapshot's spots and surface vols, and the inputs it used.</summary>
    internal static (ScenarioValuation Valuation, RiskInputs Inputs) Prepare(
        ImmutableArray<RiskPosition> positions, ImmutableArray<string> underlyings, MarketSnapshot snapshot, DateTimeOffset asOfUtc, RiskCarryPlan carry,
        bool stickyMoneyness = false)
    {
        var (market, carries, surfaceIds) = BookMarketAt(positions, underlyings, snapshot, asOfUtc, carry);
        var valuation = ScenarioValuation.Of(positions, market with
        {
            StickyMoneynessSurfaces = stickyMoneyness ? surfaceIds.Keys.ToDictionary(u => u, u => snapshot.Surfaces[u].Surface, StringComparer.Ordinal) : null,
        });
        var inputs = new RiskInputs(snapshot.Prices, surfaceIds, carries, 0, 0, null, null,
            ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal));
        return (valuation, inputs);
    }

    /// <summary>
    /// The book's market at the snapshot, as every risk and margin run values it: each underlying's spot with its carry,
    /// and each live option's vol read from its underlying's surface at its strike and tenor (at least an hour); an
    /// expired option gets 0 (it is valued at intrinsic in every scenario, the vol is never read). Also the carries and the
    /// surface ids used.
    /// </summary>
    internal static (BookMarket Market, ImmutableSortedDictionary<string, CarryUsed> Carries, ImmutableSortedDictionary<string, long> SurfaceIds) BookMarketAt(
        ImmutableArray<RiskPosition> positions, ImmutableArray<string> underlyings, MarketSnapshot snapshot, DateTimeOffset asOfUtc, RiskCarryPlan carry)
    {
        var carries = underlyings.ToImmutableSortedDictionary(u => u, u => carry.Resolve(u, snapshot), StringComparer.Ordinal);
        var markets = underlyings.ToDictionary(u => u, u => new UnderlyingMarket(snapshot.Prices[u].PriceUsd, carries[u].Rate, carries[u].CostOfCarry), StringComparer.Ordinal);
        var vols = new Dictionary<OptionContract, double>();
        var surfaceIds = ImmutableSortedDictionary.CreateBuilder<string, long>(StringComparer.Ordinal);
        foreach (var option in positions.Select(p => p.Option).OfType<OptionContract>())
        {
            if (option.ExpiryUtc <= asOfUtc)
            {
                vols[option] = 0.0;
                continue;
            }

            var stored = snapshot.Surfaces[option.Underlying];
            surfaceIds[option.Underlying] = stored.Id;
            double tenor = Math.Max(option.TenorYears(asOfUtc), YearFraction.Act365F(asOfUtc, asOfUtc + MinimumVolTenor));
            vols[option] = stored.Surface.LognormalVolAtStrike(option.Strike, tenor);
        }

        return (new BookMarket(asOfUtc, markets, vols), carries, surfaceIds.ToImmutable());
    }

    private async Task<(AlignedReturns? Returns, ImmutableSortedDictionary<string, string> Sources, MissingMarketData? Missing)> HistoryAsync(
        ImmutableArray<string> underlyings, MarketSnapshot snapshot, DateTimeOffset asOfUtc, int lookbackDays, int horizonDays, CancellationToken cancellationToken) =>
        // Returns ending on the lookbackDays calendar days before the as-of day: closes from h days earlier still.
        await DailyCloses.AlignedReturnsAsync(db, underlyings, u => snapshot.Prices[u].Source,
            DateOnly.FromDateTime(asOfUtc.UtcDateTime).AddDays(-lookbackDays - horizonDays), asOfUtc, horizonDays, cancellationToken);

    /// <summary>
    /// Vol moves of <c>volModel: surface-history</c>: per return and underlying with live options, the change between the
    /// closing surfaces (<see cref="SurfaceStore.DailyClosingIdsAsync"/>: published, of the pricing model) of the return's
    /// start and end days, read at the median tenor of the book's live options on that underlying
    /// (<see cref="SurfaceVolMoves"/>); a return whose start or end day has no surface keeps the vols held, and is counted.
    /// </summary>
    private async Task<VolHistory> VolHistoryAsync(
        ImmutableArray<RiskPosition> positions, AlignedReturns returns, DateTimeOffset asOfUtc, SurfaceModel model, CancellationToken cancellationToken)
    {
        var moves = new Dictionary<string, ImmutableArray<VolBucketShift>[]>(StringComparer.Ordinal);
        var notes = new List<string>();
        var live = positions.Select(p => p.Option).OfType<OptionContract>().Where(o => o.ExpiryUtc > asOfUtc).GroupBy(o => o.Underlying, StringComparer.Ordinal);
        foreach (var options in live.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            double tenor = Math.Max(Statistics.Median(options.Select(o => o.TenorYears(asOfUtc))), 1.0 / 365.0);
            var ids = await surfaces.DailyClosingIdsAsync(db, options.Key, model, returns.StartDates[0], asOfUtc, cancellationToken);
            var loaded = new Dictionary<long, VolatilitySurface>();
            async Task<VolatilitySurface?> On(DateOnly day)
            {
                if (!ids.TryGetValue(day, out long id)) return null;
                if (!loaded.TryGetValue(id, out var surface) && (await surfaces.FindAsync(db, id, cancellationToken))?.Surface is { } found)
                    loaded[id] = surface = found;
                return surface;
            }

            var rows = new ImmutableArray<VolBucketShift>[returns.Returns.RowCount];
            int moved = 0;
            for (int t = 0; t < rows.Length; t++)
            {
                if (await On(returns.StartDates[t]) is { } start && await On(returns.EndDates[t]) is { } end)
                {
                    rows[t] = SurfaceVolMoves.Between(start, end, tenor);
                    moved++;
                }
            }

            moves[options.Key] = rows;
            notes.Add($"{options.Key}: {moved} of {rows.Length} returns moved by the stored surfaces at {tenor * 365.0:F1} days");
        }

        string note = "vols move by the change of the stored (published) surfaces between each return's start and end days, by log-moneyness bucket; " +
            $"{string.Join("; ", notes)}; vols held where a day has no surface";
        return new VolHistory((t, u) => moves.TryGetValue(u, out var rows) ? rows[t] : default, note);
    }

    /// <summary>Vol moves per return row and underlying, and what they were, in words.</summary>
    private sealed record VolHistory(Func<int, string, ImmutableArray<VolBucketShift>> Move, string Note);

    private static VarRun Historical(ScenarioValuation valuation, AlignedReturns returns, VarSpecification spec, DateTimeOffset asOf, RiskInputs inputs, VolHistory? volHistory,
        CancellationToken cancellationToken)
    {
        var (estimate, _, pnl) = HistoricalVar.Estimate(valuation, volHistory is null ? returns.Scenarios() : returns.Scenarios(volHistory.Move), spec.Confidence,
            cancellationToken);
        string note = $"overlapping {spec.HorizonDays}-day log returns of the daily closes";
        if (spec.Scaling == HorizonScaling.SqrtTime && spec.HorizonDays > 1)
        {
            double root = Math.Sqrt(spec.HorizonDays);
            estimate = Scale(estimate, root);
            pnl = [.. pnl.Select(x => x * root)];
            note = $"one-day returns, VaR, ES and P&L scaled by √{spec.HorizonDays}";
        }
        else if (spec.HorizonDays == 1)
        {
            note = "one-day log returns of the daily closes";
        }

        if (volHistory is not null) note = $"{note}; {volHistory.Note}";

        return new VarRun(spec, asOf, estimate, null, [.. pnl], [.. returns.EndDates.Select(d => d.ToString("yyyy-MM-dd"))], inputs, null, note);
    }

    private static VarRun MonteCarlo(ScenarioValuation valuation, AlignedReturns returns, VarSpecification spec, DateTimeOffset asOf, RiskInputs inputs,
        CancellationToken cancellationToken)
    {
        var covariance = Covariance(returns, spec);
        var scenarios = MonteCarloScenarios.Generate(returns.Underlyings, covariance, spec.HorizonDays, spec.Paths, spec.Seed);
        var (estimate, _, pnl) = HistoricalVar.Estimate(valuation, scenarios, spec.Confidence, cancellationToken);
        var error = SimulationError.BatchMeans(pnl, spec.Confidence);
        return new VarRun(spec, asOf, estimate, error, [.. pnl], [.. Enumerable.Range(0, pnl.Length).Select(i => $"path {i}")], inputs, null,
            $"{spec.HorizonDays}-day lognormal moves from the daily covariance × {spec.HorizonDays}, {spec.Paths} antithetic paths, seed {spec.Seed}");
    }

    private static VarRun Parametric(
        ScenarioValuation valuation, ImmutableArray<RiskPosition> positions, AlignedReturns returns, VarSpecification spec, DateTimeOffset asOf, RiskInputs inputs,
        CancellationToken cancellationToken)
    {
        var index = returns.Underlyings.Select((u, i) => (u, i)).ToDictionary(x => x.u, x => x.i, StringComparer.Ordinal);
        var scenarios = returns.Underlyings.SelectMany(u => new[] { +SpotBump, -SpotBump }
            .Select(b => new MarketScenario(0.0, new Dictionary<string, UnderlyingShift> { [u] = new(b, 0.0) }))).ToArray();
        var values = valuation.Value(scenarios, cancellationToken: cancellationToken);
        var greeks = positions.Select((p, k) =>
        {
            int i = index[p.Underlying];
            double up = values[2 * i, k], down = values[2 * i + 1, k], mid = values.BaseValues[k];
            return (Underlying: i, DollarDelta: (up - down) / (2 * SpotBump), DollarGamma: (up - 2 * mid + down) / (SpotBump * SpotBump));
        }).ToArray();
        var covariance = Covariance(returns, spec);
        string note = $"daily covariance × {spec.HorizonDays}";
        if (spec.Method == VarMethod.Parametric)
        {
            var normal = DeltaNormalVar.Estimate([.. greeks.Select(g => (g.Underlying, g.DollarDelta))], covariance, spec.HorizonDays, spec.Confidence);
            return new VarRun(spec, asOf, normal, null, [], [], inputs, null, note);
        }

        var (estimate, moments) = DeltaGammaVar.Estimate(greeks, covariance, spec.HorizonDays, spec.Confidence);
        return new VarRun(spec, asOf, estimate, null, [], [], inputs, moments, note);
    }

    private static Matrix<double> Covariance(AlignedReturns returns, VarSpecification spec) =>
        spec.Covariance == CovarianceEstimator.Ewma ? ReturnCovariance.Ewma(returns.Returns, spec.Lambda) : ReturnCovariance.Sample(returns.Returns);

    private static VarEstimate Scale(VarEstimate e, double factor) => e with
    {
        ValueAtRisk = e.ValueAtRisk * factor,
        ExpectedShortfall = e.ExpectedShortfall * factor,
        VarContributions = [.. e.VarContributions.Select(c => c * factor)],
        ShortfallContributions = [.. e.ShortfallContributions.Select(c => c * factor)],
    };
}
