using System.Collections.Immutable;

namespace Analytics.Pricing.Risk.Var;

/// <summary>
/// VaR and ES of simulated P&amp;L (historical simulation or Monte Carlo with full revaluation): the empirical quantile of
/// the scenario P&amp;L and the mean of the losses at and beyond it.
/// </summary>
/// <remarks>
/// <para>Quantile convention: with N scenarios and k = ⌈(1 − c)·N⌉ (k ≥ 1), VaR is the k-th largest loss, the inverse
/// of the empirical distribution function of P&amp;L at 1 − c (Hyndman–Fan definition 1, MathNet's
/// <c>QuantileDefinition.R1</c>): with 500 scenarios the 99 % VaR is the fifth-worst loss (J. Hull, "Risk Management and
/// Financial Institutions", historical simulation chapter). ES is the mean of the k largest losses, so ES ≥ VaR.</para>
/// <para>Contributions (Euler allocation estimated on the sample): a position's VaR contribution is its loss in the
/// scenario at the quantile (the k-th worst); its ES contribution its mean loss over the k worst scenarios. Both sum to the
/// totals exactly. The VaR contribution rests on one scenario and is noisy; the ES one on k.</para>
/// </remarks>
public static class HistoricalVar
{
    /// <summary>Estimates VaR and ES at <paramref name="confidence"/> from the scenario values of a book.</summary>
    /// <param name="values">Every position under every scenario and the base market.</param>
    /// <param name="confidence">c in (0.5, 1).</param>
    /// <returns>The estimate, and the scenario indices from the worst loss to the k-th.</returns>
    public static (VarEstimate Estimate, ImmutableArray<int> TailScenarios) Estimate(ScenarioValues values, double confidence)
    {
        ArgumentNullException.ThrowIfNull(values);
        var pnl = new double[values.ScenarioCount];
        for (int s = 0; s < pnl.Length; s++) pnl[s] = values.ProfitAndLoss(s);
        return Estimate(pnl, values.BaseValues, (s, row) => values.PositionValues(s).CopyTo(row), confidence);
    }

    /// <summary>
    /// Estimates VaR and ES at <paramref name="confidence"/> of a book under <paramref name="scenarios"/> without holding
    /// the position × scenario matrix (10,000 positions × 10,000 paths would be 800 MB): the scenarios are valued in
    /// parallel keeping only the book's P&amp;L (<see cref="ScenarioValuation.ProfitAndLoss"/>), and the k tail scenarios
    /// are valued again for the contributions. Equal bit for bit to valuing the matrix and calling
    /// <see cref="Estimate(ScenarioValues, double)"/>.
    /// </summary>
    /// <param name="valuation">The book and its base market.</param>
    /// <param name="scenarios">The market moves.</param>
    /// <param name="confidence">c in (0.5, 1).</param>
    /// <param name="cancellationToken">Stops the valuation between scenarios (a client that has gone).</param>
    /// <returns>The estimate, the tail scenarios (worst first) and the P&amp;L of every scenario.</returns>
    public static (VarEstimate Estimate, ImmutableArray<int> TailScenarios, double[] ProfitAndLoss) Estimate(
        ScenarioValuation valuation, IReadOnlyList<MarketScenario> scenarios, double confidence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(valuation);
        var pnl = valuation.ProfitAndLoss(scenarios, out var baseValues, cancellationToken: cancellationToken);
        var (estimate, tail) = Estimate(pnl, baseValues, (s, row) => valuation.Value(scenarios[s], row), confidence);
        return (estimate, tail, pnl);
    }

    /// <summary>The estimate from the scenario P&amp;L, the base values and a way to read one scenario's position values.</summary>
    private static (VarEstimate Estimate, ImmutableArray<int> TailScenarios) Estimate(
        double[] pnl, ReadOnlySpan<double> baseValues, Action<int, double[]> positionValues, double confidence)
    {
        if (!(confidence > 0.5 && confidence < 1.0)) throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Must be in (0.5, 1).");
        int n = pnl.Length;
        if (n == 0) throw new ArgumentException("There are no scenarios.", nameof(pnl));
        int k = TailCount(n, confidence);

        // Sort scenarios by P&L ascending (worst first); ties by index so the order is deterministic.
        var order = new int[n];
        for (int s = 0; s < n; s++) order[s] = s;
        Array.Sort(order, (a, b) => pnl[a] != pnl[b] ? pnl[a].CompareTo(pnl[b]) : a.CompareTo(b));
        var tail = order.AsSpan(0, k);
        int positions = baseValues.Length;
        var varContributions = new double[positions];
        var esContributions = new double[positions];
        var row = new double[positions];
        positionValues(tail[^1], row);
        for (int p = 0; p < positions; p++) varContributions[p] = baseValues[p] - row[p];
        foreach (int s in tail)
        {
            positionValues(s, row);
            for (int p = 0; p < positions; p++) esContributions[p] += (baseValues[p] - row[p]) / k;
        }

        double var = -pnl[tail[^1]];
        double es = 0.0;
        foreach (int s in tail) es -= pnl[s] / k;
        var estimate = new VarEstimate(confidence, var, es, [.. varContributions], [.. esContributions],
            $"simulation: for VaR a position's loss in the scenario at the quantile (the loss ranked {k} of {n}, worst first), for ES its mean loss over the {k} worst scenarios");
        return (estimate, [.. tail]);
    }

    /// <summary>VaR and ES of a P&amp;L sample by the convention above (no contributions).</summary>
    /// <param name="profitAndLoss">Scenario P&amp;L, quote currency; not modified.</param>
    /// <param name="confidence">c in (0.5, 1).</param>
    public static (double ValueAtRisk, double ExpectedShortfall) FromProfitAndLoss(ReadOnlySpan<double> profitAndLoss, double confidence)
    {
        if (profitAndLoss.IsEmpty) throw new ArgumentException("There are no scenarios.", nameof(profitAndLoss));
        int k = TailCount(profitAndLoss.Length, confidence);
        var sorted = profitAndLoss.ToArray();
        Array.Sort(sorted);
        double es = 0.0;
        for (int i = 0; i < k; i++) es -= sorted[i] / k;
        return (-sorted[k - 1], es);
    }

    /// <summary>k = ⌈(1 − c)·N⌉, at least 1, with 1 − c rounded to 12 decimals so that 1 − 0.99 counts as 0.01.</summary>
    public static int TailCount(int scenarios, double confidence) =>
        Math.Max(1, (int)Math.Ceiling(Math.Round(Math.Round(1.0 - confidence, 12) * scenarios, 9)));
}
