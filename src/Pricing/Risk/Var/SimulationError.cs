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
    /// <summary>The standard errors of VaR and ES.</summary>
    /// <param name="profitAndLoss">Scenario P&amp;L in path order.</param>
    /// <param name="confidence">c in (0.5, 1).</param>
    /// <param name="batches">Number of blocks, ≥ 2 (20 by default).</param>
    public static (double ValueAtRisk, double ExpectedShortfall) BatchMeans(ReadOnlySpan<double> profitAndLoss, double confidence, int batches = 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batches, 2);
        int size = profitAndLoss.Length / batches / 2 * 2;
        if (size < 2) throw new ArgumentException($"{profitAndLoss.Length} scenarios are too few for {batches} batches.", nameof(profitAndLoss));
        var vars = new double[batches];
        var shortfalls = new double[batches];
        for (int b = 0; b < batches; b++)
        {
            (vars[b], shortfalls[b]) = HistoricalVar.FromProfitAndLoss(profitAndLoss.Slice(b * size, size), confidence);
        }

        return (MathNet.Numerics.Statistics.Statistics.StandardDeviation(vars) / Math.Sqrt(batches),
            MathNet.Numerics.Statistics.Statistics.StandardDeviation(shortfalls) / Math.Sqrt(batches));
    }
}
