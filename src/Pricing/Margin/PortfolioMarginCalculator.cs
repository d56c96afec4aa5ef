using System.Buffers;
using System.Collections.Immutable;
using Analytics.Pricing.Risk;

namespace Analytics.Pricing.Margin;

/// <summary>
/// The margin of a book under a <see cref="PortfolioMarginModel"/> (see its summary for the rule), underlying by
/// underlying: the core grid, the extended moves, the skew shocks, the basis contingency, the static discount of each
/// expiry's shocked value, the loss factors and the contingencies. Pure: no I/O.
/// </summary>
internal static class PortfolioMarginCalculator
{
    /// <summary>Name of the basis contingency when it is the worst "scenario".</summary>
    public const string BasisName = "basis";

    /// <summary>The book's margin under <paramref name="model"/> with spots shifted by <paramref name="shift"/>.</summary>
    public static MarginResult Evaluate(PortfolioMarginModel model, MarginBook book, IReadOnlyDictionary<string, double> shift)
    {
        // Every underlying's grids (its reference row first) are valued in one parallel loop, then taken in order; their
        // values (megabytes for 10,000 positions) go to a pooled buffer, not to the large-object heap each time.
        foreach (var (u, x) in shift)
        {
            if (!(double.IsFinite(x) && x > -1.0)) throw new ArgumentOutOfRangeException(nameof(shift), x, $"The spot shift of {u} must be finite and above −1.");
        }

        var subs = book.Underlyings.Select(u => new Underlying(model, book, u, shift.GetValueOrDefault(u))).ToArray();
        UnderlyingGrid[] grids = [.. subs.SelectMany(sub => sub.Grids)];
        double[] buffer = ArrayPool<double>.Shared.Rent(checked((int)book.ValueCount(grids)));
        try
        {
            return Evaluate(model, book, shift, subs, book.ValueUnderlyings(grids, buffer));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    private static MarginResult Evaluate(
        PortfolioMarginModel model, MarginBook book, IReadOnlyDictionary<string, double> shift, Underlying[] subs, UnderlyingGridValues[] values)
    {
        var reference = new double[book.Positions.Length];
        var positionLoss = new double[book.Positions.Length];
        var worst = ImmutableArray.CreateBuilder<WorstMarginScenario>();
        var contingencies = ImmutableArray.CreateBuilder<UnderlyingContingency>();
        double worstLosses = 0, contingencyMm = 0, contingencyIm = 0;
        // Each underlying's worst scenario from its own grids, the underlyings in parallel; then summed in order.
        var first = new int[subs.Length];
        for (int i = 1; i < subs.Length; i++) first[i] = first[i - 1] + subs[i - 1].Grids.Length;
        var outcomes = new (WorstMarginScenario? Best, double[]? Losses)[subs.Length];
        Parallel.For(0, subs.Length, ScenarioValuation.Loop(-1, CancellationToken.None),
            i => outcomes[i] = subs[i].Worst(values.AsSpan(first[i], subs[i].Grids.Length)));
        for (int i = 0; i < subs.Length; i++)
        {
            var (sub, (best, losses)) = (subs[i], outcomes[i]);
            for (int k = 0; k < sub.Indexes.Length; k++) reference[sub.Indexes[k]] = sub.Reference[k];
            if (best is not null)
            {
                double counted = Math.Max(best.LossUsd, 0.0);
                worst.Add(best with { LossUsd = counted });
                worstLosses += counted;
                for (int k = 0; k < sub.Indexes.Length; k++) positionLoss[sub.Indexes[k]] = losses![k];
            }

            if (model.ContingencyOf(sub.Name) is { } rates)
            {
                var (mm, im) = rates.Of(sub.Indexes.Select(p => book.Positions[p]), book.Spot(sub.Name, shift));
                contingencies.Add(new UnderlyingContingency(sub.Name, mm, im));
                (contingencyMm, contingencyIm) = (contingencyMm + mm, contingencyIm + im);
            }
        }

        double maintenance = model.MaintenanceLossFactor * worstLosses + contingencyMm;
        double initial = model.InitialMultiple * model.MaintenanceLossFactor * worstLosses + contingencyMm + contingencyIm;
        var positions = Enumerable.Range(0, book.HeldCount).Select(p => new PositionMargin(reference[p], null, null, positionLoss[p])).ToImmutableArray();
        return new MarginResult(initial, maintenance, positions, worst.ToImmutable()) { Contingencies = contingencies.ToImmutable() };
    }

    /// <summary>
    /// One underlying's positions (its <see cref="Indexes"/> in the book) with their expiry groups, and the grids its
    /// margin needs (<see cref="Grids"/>: the reference row at the shifted spot, then the scenarios in the order
    /// <see cref="Worst"/> takes them).
    /// </summary>
    private sealed class Underlying
    {
        private readonly PortfolioMarginModel _model;
        private readonly string _u;
        private readonly double[] _reference;
        private readonly int[][] _expiries;
        private readonly double[] _tenors;
        private readonly (double Positive, double Negative)[] _discounts;
        private readonly double[] _scratch;
        private readonly bool _hasOptions;
        private readonly bool _extended;
        private WorstMarginScenario? _best;
        private double[]? _bestLosses;

        public Underlying(PortfolioMarginModel model, MarginBook book, string u, double at)
        {
            (_model, _u, Indexes) = (model, u, book.IndexesOf(u));
            var indexes = Indexes;
            (_reference, _scratch) = (new double[indexes.Length], new double[indexes.Length]);
            var options = Enumerable.Range(0, indexes.Length).Where(k => indexes[k] < book.HeldCount && book.Positions[indexes[k]].Option is not null);
            _hasOptions = options.Any();
            // Expiry groups only for the terms that need them (Derive's): Deribit's and Aevo's grids value the book whole.
            bool byExpiry = model.StaticDiscount is not null || !model.SkewShocks.IsEmpty || model.BasisContingency is not null;
            var groups = (byExpiry ? options : Enumerable.Empty<int>()).GroupBy(k => book.Positions[indexes[k]].Option!.ExpiryUtc).OrderBy(g => g.Key).ToArray();
            _expiries = [.. groups.Select(g => g.ToArray())];
            _tenors = [.. groups.Select(g => book.TenorYears(book.Positions[indexes[g.First()]].Option!))];
            double rate = book.Market.Underlyings[u].Rate;
            _discounts = [.. _tenors.Select(t => model.StaticDiscount?.Factors(t, rate) ?? (1.0, 1.0))];
            _extended = model.ExtendedShock is not null && model.ExtendedMoves.Length > 0 && (_hasOptions || model.ExtendedWithoutOptions);

            UnderlyingGrid Grid(IEnumerable<double> moves, IScenarioVolShock? shock) =>
                new(u, [.. moves.Select(m => (1.0 + at) * (1.0 + m) - 1.0)], shock);
            var grids = ImmutableArray.CreateBuilder<UnderlyingGrid>();
            grids.Add(new UnderlyingGrid(u, [at], null));
            foreach (var shock in model.VolShocks) grids.Add(Grid(model.SpotMoves, shock));
            if (_extended) grids.Add(Grid(model.ExtendedMoves, model.ExtendedShock));
            if (_hasOptions)
            {
                foreach (var skew in model.SkewShocks) grids.Add(Grid([0.0], skew));
                if (model.BasisContingency is { } basis) grids.Add(Grid([basis.UpMove, basis.DownMove], null));
            }

            Grids = grids.ToImmutable();
        }

        /// <summary>The underlying.</summary>
        public string Name => _u;

        public ImmutableArray<int> Indexes { get; }

        /// <summary>The grids to value, in the order <see cref="Worst"/> takes their values.</summary>
        public ImmutableArray<UnderlyingGrid> Grids { get; }

        /// <summary>The positions' values at the shifted spots (set by <see cref="Worst"/>).</summary>
        public ReadOnlySpan<double> Reference => _reference;

        /// <summary>The worst scenario (loss before the floor at 0) and each position's loss in it.</summary>
        /// <param name="values">The values of <see cref="Grids"/>, in order.</param>
        public (WorstMarginScenario? Best, double[]? Losses) Worst(ReadOnlySpan<UnderlyingGridValues> values)
        {
            values[0].Row(0).CopyTo(_reference);
            int next = 1;
            foreach (var shock in _model.VolShocks) Grid(values[next++], shock, _model.SpotMoves, extended: false);
            if (_extended) Grid(values[next++], _model.ExtendedShock!, _model.ExtendedMoves, extended: true);
            if (_hasOptions)
            {
                foreach (var skew in _model.SkewShocks) Skew(values[next++], skew);
                if (_model.BasisContingency is { } basis) Basis(values[next++], basis);
            }

            return (_best, _bestLosses);
        }

        private void Grid(UnderlyingGridValues rows, VolShock shock, ImmutableArray<double> moves, bool extended)
        {
            bool plain = _model.StaticDiscount is null;
            for (int s = 0; s < moves.Length; s++)
            {
                var row = rows.Row(s);
                double fraction = extended ? _model.ExtendedFraction(s) : 1.0;
                if (!plain)
                {
                    Offer(new WorstMarginScenario(_u, moves[s], shock.Name, extended, Losses(row, fraction, skew: false)));
                    continue;
                }

                // Without a discount the loss is the plain sum, and the positions' losses are written only for a new worst
                // (the hot path of a 10,000-position grid: bench/RESULTS.md, portfolio margin).
                double loss = 0;
                for (int k = 0; k < row.Length; k++) loss += _reference[k] - row[k];
                loss *= fraction;
                if (_best is not null && !(loss > _best.LossUsd)) continue;
                for (int k = 0; k < row.Length; k++) _scratch[k] = (_reference[k] - row[k]) * fraction;
                Offer(new WorstMarginScenario(_u, moves[s], shock.Name, extended, loss));
            }
        }

        private void Skew(UnderlyingGridValues rows, SkewShock skew)
        {
            double loss = Losses(rows.Row(0), skew.LossFraction, skew: true);
            Offer(new WorstMarginScenario(_u, 0.0, skew.Name, false, loss));
        }

        /// <summary>Each expiry's options alone at the two moves, vols unchanged and undiscounted; the worse loss times its factor.</summary>
        private void Basis(UnderlyingGridValues rows, BasisContingency basis)
        {
            ReadOnlySpan<double> upRow = rows.Row(0), downRow = rows.Row(1);
            Array.Clear(_scratch);
            double upTotal = 0, downTotal = 0;
            for (int g = 0; g < _expiries.Length; g++)
            {
                double up = 0, down = 0;
                foreach (int k in _expiries[g]) (up, down) = (up + upRow[k] - _reference[k], down + downRow[k] - _reference[k]);
                if (Math.Min(up, down) >= 0) continue;
                var worse = up <= down ? upRow : downRow;
                double factor = basis.Factor(_tenors[g]);
                foreach (int k in _expiries[g]) _scratch[k] = (_reference[k] - worse[k]) * factor;
                if (up <= down) upTotal -= up * factor; else downTotal -= down * factor;
            }

            Offer(new WorstMarginScenario(_u, upTotal >= downTotal ? basis.UpMove : basis.DownMove, BasisName, false, upTotal + downTotal));
        }

        /// <summary>
        /// Each position's loss into the scratch row (reference − shocked value, each expiry's options scaled by its static
        /// discount), times <paramref name="fraction"/>; for a skew shock each expiry's loss is counted whichever its sign.
        /// </summary>
        /// <returns>The scenario's loss.</returns>
        private double Losses(ReadOnlySpan<double> row, double fraction, bool skew)
        {
            for (int k = 0; k < row.Length; k++) _scratch[k] = _reference[k] - row[k];
            for (int g = 0; g < (skew || _model.StaticDiscount is not null ? _expiries.Length : 0); g++)
            {
                double total = 0;
                foreach (int k in _expiries[g]) total += row[k];
                double factor = total >= 0 ? _discounts[g].Positive : _discounts[g].Negative;
                if (factor != 1.0)
                    foreach (int k in _expiries[g]) _scratch[k] = _reference[k] - row[k] * factor;
                if (!skew) continue;
                double loss = 0;
                foreach (int k in _expiries[g]) loss += _scratch[k];
                if (loss < 0)
                    foreach (int k in _expiries[g]) _scratch[k] = -_scratch[k];
            }

            double sum = 0;
            for (int k = 0; k < row.Length; k++) sum += _scratch[k] *= fraction;
            return sum;
        }

        /// <summary>Keeps <paramref name="candidate"/> and the scratch row when it is worse than the worst so far.</summary>
        private void Offer(WorstMarginScenario candidate)
        {
            if (_best is not null && !(candidate.LossUsd > _best.LossUsd)) return;
            _best = candidate;
            _bestLosses ??= new double[_scratch.Length];
            Array.Copy(_scratch, _bestLosses, _scratch.Length);
        }
    }
}
