using System.Collections.Immutable;
using Analytics.Pricing.Risk;

namespace Analytics.Pricing.Margin;

/// <summary>
/// Margin of a <see cref="MarginBook"/> under a <see cref="MarginModel"/> at a market whose spots are shifted from the
/// base (the liquidation-price solver moves one underlying; the plain figure uses no shift). Pure: no I/O.
/// </summary>
public static class MarginCalculator
{
    /// <summary>
    /// What a model lacks to margin the book: (underlying, instrument) pairs with no rule (a standard model's option or perp
    /// rule; a portfolio model with per-underlying contingencies: the underlyings it does not list, instrument <c>positions</c>).
    /// </summary>
    public static ImmutableArray<(string Underlying, string Instrument)> Uncovered(MarginModel model, MarginBook book)
    {
        // A portfolio model with contingencies per underlying (Derive's per-market managers) covers only the underlyings it lists.
        if (model is PortfolioMarginModel { Contingencies.IsEmpty: false } portfolio)
            return [.. book.Underlyings.Where(u => portfolio.ContingencyOf(u) is null).Select(u => (u, "positions"))];
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
            PortfolioMarginModel portfolio => PortfolioMarginCalculator.Evaluate(portfolio, book, shift),
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

    private static InvalidOperationException Missing(MarginModel model, RiskPosition position) =>
        new($"Model {model.Id} has no {position.Kind} rule for {position.Underlying}.");
}
