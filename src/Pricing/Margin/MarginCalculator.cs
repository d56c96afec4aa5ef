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
        var underlyings = book.Underlyings;
        var of = book.Positions.Select(p => underlyings.IndexOf(p.Underlying)).ToArray();
        var hasOptions = new bool[underlyings.Length];
        for (int p = 0; p < book.HeldCount; p++) hasOptions[of[p]] |= book.Positions[p].Option is not null;
        var best = new (WorstMarginScenario? Scenario, double[]? Values)[underlyings.Length];

        // Scenario rows of one vol shock: (underlying, move) for every underlying; run together on the engine's parallel path.
        void Run(VolShock shock, IReadOnlyList<double> moves, bool extended, double fraction)
        {
            var rows = new List<(int U, double Move)>();
            for (int u = 0; u < underlyings.Length; u++)
                if (!extended || hasOptions[u])
                    rows.AddRange(moves.Select(m => (u, m)));
            if (rows.Count == 0) return;
            var shifts = rows.Select(r => (IReadOnlyDictionary<string, double>)new Dictionary<string, double>(shift, StringComparer.Ordinal)
            {
                [underlyings[r.U]] = (1.0 + shift.GetValueOrDefault(underlyings[r.U])) * (1.0 + r.Move) - 1.0,
            }).ToList();
            var values = book.ValueMany(shifts, shock);
            for (int s = 0; s < rows.Count; s++)
            {
                var (u, move) = rows[s];
                var row = values.PositionValues(s);
                double loss = 0;
                for (int p = 0; p < n; p++)
                    if (of[p] == u) loss += reference[p] - row[p];
                loss *= fraction;
                if (best[u].Scenario is null || loss > best[u].Scenario!.LossUsd)
                    best[u] = (new WorstMarginScenario(underlyings[u], move, shock.Name, extended, loss), row.ToArray());
            }
        }

        foreach (var shock in model.VolShocks) Run(shock, model.SpotMoves, false, 1.0);
        if (model.ExtendedShock is { } up && model.ExtendedMoves.Length > 0) Run(up, model.ExtendedMoves, true, model.ExtendedLossFraction);

        var positionLoss = new double[n];
        var worst = ImmutableArray.CreateBuilder<WorstMarginScenario>();
        double mm = 0;
        for (int u = 0; u < underlyings.Length; u++)
        {
            if (best[u].Scenario is not { } scenario) continue;
            double counted = Math.Max(scenario.LossUsd, 0.0);
            worst.Add(scenario with { LossUsd = counted });
            mm += counted;
            double scale = scenario.Extended ? model.ExtendedLossFraction : 1.0;
            for (int p = 0; p < n; p++)
                if (of[p] == u) positionLoss[p] = (reference[p] - best[u].Values![p]) * scale;
        }

        var positions = Enumerable.Range(0, book.HeldCount).Select(p => new PositionMargin(reference[p], null, null, positionLoss[p])).ToImmutableArray();
        return new MarginResult(model.InitialMultiple * mm, mm, positions, worst.ToImmutable());
    }

    private static InvalidOperationException Missing(MarginModel model, RiskPosition position) =>
        new($"Model {model.Id} has no {position.Kind} rule for {position.Underlying}.");
}
