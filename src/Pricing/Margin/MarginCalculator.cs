using System.Collections.Immutable;
using Analytics.Pricing.Risk;

namespace Analytics.Pricing.Margin;

/// <summary>
/// Margin of a <see cref="MarginBook"/> under a <see cref="MarginModel"/> at a market whose spots are shifted from the
/// base (the liquidation-price solver moves one underlying; the plain figure uses no shift). Pure: no I/O.
/// </summary>
public static class MarginCalculator
{
    /// <summary>What a standard model lacks to margin the book: (underlying, instrument) pairs with no rule.</summary>
    public static ImmutableArray<(string Underlying, string Instrument)> Uncovered(MarginModel model, MarginBook book)
    {
        if (model is not StandardMarginModel standard) return [];
        var lacking = new SortedSet<(string, string)>();
        for (int p = 0; p < book.HeldCount; p++)
        {
            var position = book.Positions[p];
            var rules = standard.RulesOf(position.Underlying);
            if (position.Kind == RiskInstrumentKind.Option && rules?.Options is null) lacking.Add((position.Underlying, "option"));
            if (position.Kind == RiskInstrumentKind.Perpetual && rules?.Perpetuals is null) lacking.Add((position.Underlying, "perp"));
        }

        return [.. lacking];
    }

    /// <summary>The book's margin under <paramref name="model"/> with spots shifted by <paramref name="shift"/>.</summary>
    /// <param name="model">The model.</param>
    /// <param name="book">The book.</param>
    /// <param name="shift">Relative spot shift per underlying (empty for the base market).</param>
    /// <returns>The margin.</returns>
    /// <exception cref="InvalidOperationException">A standard model has no rule for a position (check <see cref="Uncovered"/> first).</exception>
    public static MarginResult Evaluate(MarginModel model, MarginBook book, IReadOnlyDictionary<string, double> shift)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(shift);
        return model switch
        {
            StandardMarginModel standard => Standard(standard, book, shift),
            PortfolioMarginModel portfolio => Portfolio(portfolio, book, shift),
            _ => throw new ArgumentException($"Unknown model kind {model.GetType().Name}.", nameof(model)),
        };
    }

    private static MarginResult Standard(StandardMarginModel model, MarginBook book, IReadOnlyDictionary<string, double> shift)
    {
        var values = new double[book.Positions.Length];
        book.Value(shift, null, values);
        var positions = ImmutableArray.CreateBuilder<PositionMargin>(book.HeldCount);
        double im = 0, mm = 0;
        for (int p = 0; p < book.HeldCount; p++)
        {
            var position = book.Positions[p];
            double spot = book.Spot(position.Underlying, shift), units = Math.Abs(position.Quantity);
            (double i, double m) = (0.0, 0.0);
            if (position.Option is { } option)
            {
                var rule = model.RulesOf(position.Underlying)?.Options ?? throw Missing(model, position);
                double mark = Math.Max(values[p] / position.Quantity, 0.0);
                (i, m) = rule.PerOption(option.Right == OptionRight.Call, position.Quantity < 0, spot, option.Strike, mark);
                (i, m) = (i * units, m * units);
            }
            else if (position.Kind == RiskInstrumentKind.Perpetual)
            {
                var rule = model.RulesOf(position.Underlying)?.Perpetuals ?? throw Missing(model, position);
                var (fi, fm) = rule.Fractions(units);
                (i, m) = (fi * units * spot, fm * units * spot);
            }

            im += i;
            mm += m;
            positions.Add(new PositionMargin(values[p], i, m, null));
        }

        return new MarginResult(im, mm, positions.MoveToImmutable(), []);
    }

    private static MarginResult Portfolio(PortfolioMarginModel model, MarginBook book, IReadOnlyDictionary<string, double> shift)
    {
        int n = book.Positions.Length;
        var reference = new double[n];
        book.Value(shift, null, reference);
        var positionLoss = new double[n];
        var worst = ImmutableArray.CreateBuilder<WorstMarginScenario>();
        double mm = 0;
        foreach (var u in book.Underlyings)
        {
            // Each underlying alone (segregated): only its positions and coin collateral are revalued, on the engine's parallel path.
            var indexes = book.IndexesOf(u);
            bool hasOptions = indexes.Any(p => p < book.HeldCount && book.Positions[p].Option is not null);
            double at = shift.GetValueOrDefault(u);
            WorstMarginScenario? best = null;
            double[]? bestValues = null;
            void Run(VolShock shock, IReadOnlyList<double> moves, bool extended, double fraction)
            {
                var values = book.ValueUnderlying(u, [.. moves.Select(m => (1.0 + at) * (1.0 + m) - 1.0)], shock);
                for (int s = 0; s < moves.Count; s++)
                {
                    var row = values.PositionValues(s);
                    double loss = 0;
                    for (int k = 0; k < indexes.Length; k++) loss += reference[indexes[k]] - row[k];
                    loss *= fraction;
                    if (best is null || loss > best.LossUsd)
                        (best, bestValues) = (new WorstMarginScenario(u, moves[s], shock.Name, extended, loss), row.ToArray());
                }
            }

            foreach (var shock in model.VolShocks) Run(shock, model.SpotMoves, false, 1.0);
            if (hasOptions && model.ExtendedShock is { } up && model.ExtendedMoves.Length > 0) Run(up, model.ExtendedMoves, true, model.ExtendedLossFraction);
            if (best is null) continue;
            double counted = Math.Max(best.LossUsd, 0.0);
            worst.Add(best with { LossUsd = counted });
            mm += counted;
            double scale = best.Extended ? model.ExtendedLossFraction : 1.0;
            for (int k = 0; k < indexes.Length; k++) positionLoss[indexes[k]] = (reference[indexes[k]] - bestValues![k]) * scale;
        }

        var positions = Enumerable.Range(0, book.HeldCount).Select(p => new PositionMargin(reference[p], null, null, positionLoss[p])).ToImmutableArray();
        return new MarginResult(model.InitialMultiple * mm, mm, positions, worst.ToImmutable());
    }

    private static InvalidOperationException Missing(MarginModel model, RiskPosition position) =>
        new($"Model {model.Id} has no {position.Kind} rule for {position.Underlying}.");
}
