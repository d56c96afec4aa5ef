namespace Analytics.Pricing.Risk.Var;

/// <summary>
/// Standard errors of simulated VaR and ES by batch means: the scenarios are split into <c>batches</c> contiguous blocks
/// of equal size (even sizes keep antithetic pairs together), VaR and ES are estimated on each block by
/// <see cref="HistoricalVar.FromProfitAndLoss"/>, and the error is the blocks' sample standard deviation over √batches
/// (a standard estimator, e.g. P. Glasserman, "Monte Carlo Methods in Financial Engineering", §9.1; it slightly overstates
/// the error of the full-sample quantile, whose blocks are smaller).
/// </summary>
public static class SimulationError
{
    /// <summary>Scenarios beyond VaR each block keeps at least, when the number of blocks is chosen.</summary>
    public const int MinTailScenarios = 5;

    /// <summary>The standard errors of VaR and ES.</summary>
    /// <param name="profitAndLoss">Scenario P&amp;L in path order.</param>
    /// <param name="confidence">c in (0.5, 1).</param>
    /// <param name="batches">
    /// Number of blocks, ≥ 2. By default as many as leave each block at least <see cref="MinTailScenarios"/> scenarios
    /// beyond its VaR, at most 20: a block with a single tail scenario has VaR = ES, and the two errors would come out equal.
    /// </param>
    public static (double ValueAtRisk, double ExpectedShortfall) BatchMeans(ReadOnlySpan<double> profitAndLoss, double confidence, int? batches = null)
    {
        int count = batches ?? Math.Clamp((int)(profitAndLoss.Length * (1 - confidence) / MinTailScenarios), 2, 20);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2, nameof(batches));
        int size = profitAndLoss.Length / count / 2 * 2;
        if (size < 2) throw new ArgumentException($"{profitAndLoss.Length} scenarios are too few for {count} batches.", nameof(profitAndLoss));
        var vars = new double[count];
        var shortfalls = new double[count];
        for (int b = 0; b < count; b++)
        {
            (vars[b], shortfalls[b]) = HistoricalVar.FromProfitAndLoss(profitAndLoss.Slice(b * size, size), confidence);
        }

        return (MathNet.Numerics.Statistics.Statistics.StandardDeviation(vars) / Math.Sqrt(count),
            MathNet.Numerics.Statistics.Statistics.StandardDeviation(shortfalls) / Math.Sqrt(count));
    }
}
