using System.Collections.Immutable;

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
        int n = book.Positions.Length;
        var reference = new double[n];
        book.Value(shift, null, reference);
        var positionLoss = new double[n];
        var worst = ImmutableArray.CreateBuilder<WorstMarginScenario>();
        var contingencies = ImmutableArray.CreateBuilder<UnderlyingContingency>();
        double worstLosses = 0, contingencyMm = 0, contingencyIm = 0;
        foreach (var u in book.Underlyings)
        {
            var sub = Underlying.Of(model, book, u, shift, reference);
            var (best, losses) = sub.Worst();
            if (best is not null)
            {
                double counted = Math.Max(best.LossUsd, 0.0);
                worst.Add(best with { LossUsd = counted });
                worstLosses += counted;
                for (int k = 0; k < sub.Indexes.Length; k++) positionLoss[sub.Indexes[k]] = losses![k];
            }

            if (model.ContingencyOf(u) is { } rates)
            {
                var (mm, im) = rates.Of(sub.Indexes.Select(p => book.Positions[p]), book.Spot(u, shift));
                contingencies.Add(new UnderlyingContingency(u, mm, im));
                (contingencyMm, contingencyIm) = (contingencyMm + mm, contingencyIm + im);
            }
        }

        double maintenance = model.MaintenanceLossFactor * worstLosses + contingencyMm;
        double initial = model.InitialMultiple * model.MaintenanceLossFactor * worstLosses + contingencyMm + contingencyIm;
        var positions = Enumerable.Range(0, book.HeldCount).Select(p => new PositionMargin(reference[p], null, null, positionLoss[p])).ToImmutableArray();
        return new MarginResult(initial, maintenance, positions, worst.ToImmutable()) { Contingencies = contingencies.ToImmutable() };
    }

    /// <summary>One underlying's positions (its <see cref="Indexes"/> in the book) with their reference values and expiry groups.</summary>
    private sealed class Underlying
    {
        private readonly PortfolioMarginModel _model;
        private readonly MarginBook _book;
        private readonly string _u;
        private readonly double _at;
        private readonly double[] _reference;
        private readonly int[][] _expiries;
        private readonly double[] _tenors;
        private readonly (double Positive, double Negative)[] _discounts;
        private readonly double[] _scratch;
        private readonly bool _hasOptions;
        private WorstMarginScenario? _best;
        private double[]? _bestLosses;

        private Underlying(PortfolioMarginModel model, MarginBook book, string u, double at, ImmutableArray<int> indexes, double[] reference)
        {
            (_model, _book, _u, _at, Indexes, _reference) = (model, book, u, at, indexes, reference);
            _scratch = new double[indexes.Length];
            var options = Enumerable.Range(0, indexes.Length).Where(k => indexes[k] < book.HeldCount && book.Positions[indexes[k]].Option is not null);
            _hasOptions = options.Any();
            // Expiry groups only for the terms that need them (Derive's): Deribit's and Aevo's grids value the book whole.
            bool byExpiry = model.StaticDiscount is not null || !model.SkewShocks.IsEmpty || model.BasisContingency is not null;
            var groups = (byExpiry ? options : Enumerable.Empty<int>()).GroupBy(k => book.Positions[indexes[k]].Option!.ExpiryUtc).OrderBy(g => g.Key).ToArray();
            _expiries = [.. groups.Select(g => g.ToArray())];
            _tenors = [.. groups.Select(g => book.TenorYears(book.Positions[indexes[g.First()]].Option!))];
            double rate = book.Market.Underlyings[u].Rate;
            _discounts = [.. _tenors.Select(t => model.StaticDiscount?.Factors(t, rate) ?? (1.0, 1.0))];
        }

        public ImmutableArray<int> Indexes { get; }

        public static Underlying Of(PortfolioMarginModel model, MarginBook book, string u, IReadOnlyDictionary<string, double> shift, double[] reference)
        {
            var indexes = book.IndexesOf(u);
            return new Underlying(model, book, u, shift.GetValueOrDefault(u), indexes, [.. indexes.Select(p => reference[p])]);
        }

        /// <summary>The worst scenario (loss before the floor at 0) and each position's loss in it.</summary>
        public (WorstMarginScenario? Best, double[]? Losses) Worst()
        {
            foreach (var shock in _model.VolShocks) Grid(shock, _model.SpotMoves, extended: false);
            if (_model.ExtendedShock is { } up && _model.ExtendedMoves.Length > 0 && (_hasOptions || _model.ExtendedWithoutOptions))
                Grid(up, _model.ExtendedMoves, extended: true);
            if (_hasOptions)
            {
                foreach (var skew in _model.SkewShocks) Skew(skew);
                if (_model.BasisContingency is { } basis) Basis(basis);
            }

            return (_best, _bestLosses);
        }

        private Risk.ScenarioValues Value(IReadOnlyList<double> moves, IScenarioVolShock? shock) =>
            _book.ValueUnderlying(_u, [.. moves.Select(m => (1.0 + _at) * (1.0 + m) - 1.0)], shock);

        private void Grid(VolShock shock, ImmutableArray<double> moves, bool extended)
        {
            var rows = Value(moves, shock);
            bool plain = _model.StaticDiscount is null;
            for (int s = 0; s < moves.Length; s++)
            {
                var row = rows.PositionValues(s);
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

        private void Skew(SkewShock skew)
        {
            double loss = Losses(Value([0.0], skew).PositionValues(0), skew.LossFraction, skew: true);
            Offer(new WorstMarginScenario(_u, 0.0, skew.Name, false, loss));
        }

        /// <summary>Each expiry's options alone at the two moves, vols unchanged and undiscounted; the worse loss times its factor.</summary>
        private void Basis(BasisContingency basis)
        {
            var rows = Value([basis.UpMove, basis.DownMove], null);
            ReadOnlySpan<double> upRow = rows.PositionValues(0), downRow = rows.PositionValues(1);
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
