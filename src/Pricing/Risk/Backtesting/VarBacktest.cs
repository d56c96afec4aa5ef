namespace Analytics.Pricing.Risk.Backtesting;

/// <summary>
/// Backtests of a VaR series against realised P&amp;L: Kupiec's proportion-of-failures test (P. Kupiec 1995, "Techniques
/// for verifying the accuracy of risk measurement models", J. Derivatives 3(2)), Christoffersen's independence and
/// conditional-coverage tests (P. Christoffersen 1998, "Evaluating interval forecasts", Int. Econ. Rev. 39(4)), and the
/// Basel traffic light (<see cref="BaselTrafficLight"/>).
/// </summary>
/// <remarks>
/// <para>With p = 1 − VaR confidence, T days and x exceptions:
/// LR_pof = −2 ln[(1 − p)^{T−x} p^x] + 2 ln[(1 − x/T)^{T−x} (x/T)^x];
/// LR_ind = −2 ln[(1 − π)^{N00+N10} π^{N01+N11}] + 2 ln[(1 − π₀₁)^{N00} π₀₁^{N01} (1 − π₁₁)^{N10} π₁₁^{N11}] with
/// π₀₁ = N01/(N00 + N01), π₁₁ = N11/(N10 + N11), π = (N01 + N11)/(T − 1); LR_cc = LR_pof + LR_ind.</para>
/// <para>Degenerate series have finite answers by the convention 0·ln 0 = 0 (a likelihood factor with a zero count is 1):
/// no exception gives LR_pof = −2T ln(1 − p) and LR_ind = 0; exceptions on every day give LR_pof = −2T ln p and
/// LR_ind = 0; a series of one day has LR_ind = 0.</para>
/// </remarks>
public static class VarBacktest
{
    /// <summary>Backtests an exceedance series.</summary>
    /// <param name="exceedances">One flag per day, in date order: true when that day's loss exceeded the VaR forecast for it.</param>
    /// <param name="varConfidence">The VaR's confidence in (0, 1), e.g. 0.99.</param>
    /// <param name="testLevel">The tests' confidence in (0, 1), e.g. 0.95.</param>
    /// <exception cref="ArgumentException">The series is empty or a level is outside (0, 1).</exception>
    public static VarBacktestResult Evaluate(IReadOnlyList<bool> exceedances, double varConfidence, double testLevel)
    {
        ArgumentNullException.ThrowIfNull(exceedances);
        if (exceedances.Count == 0) throw new ArgumentException("The exceedance series is empty.", nameof(exceedances));
        Guard.Probability(varConfidence, nameof(varConfidence));
        Guard.Probability(testLevel, nameof(testLevel));
        int observations = exceedances.Count;
        int exceptions = exceedances.Count(e => e);
        var transitions = ExceedanceTransitions.Count(exceedances);
        double p = 1.0 - varConfidence;

        double pof = ProportionOfFailures(observations, exceptions, p);
        double independence = Independence(transitions);
        return new VarBacktestResult(observations, exceptions, p * observations, varConfidence, transitions,
            LikelihoodRatioTest.Of(pof, 1, testLevel),
            LikelihoodRatioTest.Of(independence, 1, testLevel),
            LikelihoodRatioTest.Of(pof + independence, 2, testLevel),
            BaselTrafficLight.Of(exceptions, observations, varConfidence));
    }

    /// <summary>Kupiec's LR_pof for <paramref name="exceptions"/> in <paramref name="observations"/> days at exceedance probability <paramref name="p"/>.</summary>
    public static double ProportionOfFailures(int observations, int exceptions, double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(observations, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(exceptions);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(exceptions, observations);
        double observed = (double)exceptions / observations;
        return -2.0 * (LogBernoulli(observations - exceptions, exceptions, p) - LogBernoulli(observations - exceptions, exceptions, observed));
    }

    /// <summary>Christoffersen's LR_ind of the transition counts.</summary>
    public static double Independence(ExceedanceTransitions n)
    {
        int total = n.N00 + n.N01 + n.N10 + n.N11;
        if (total == 0) return 0.0;
        double pi = (double)(n.N01 + n.N11) / total;
        double pi01 = n.N00 + n.N01 == 0 ? 0.0 : (double)n.N01 / (n.N00 + n.N01);
        double pi11 = n.N10 + n.N11 == 0 ? 0.0 : (double)n.N11 / (n.N10 + n.N11);
        double restricted = LogBernoulli(n.N00 + n.N10, n.N01 + n.N11, pi);
        double unrestricted = LogBernoulli(n.N00, n.N01, pi01) + LogBernoulli(n.N10, n.N11, pi11);
        return -2.0 * (restricted - unrestricted);
    }

    /// <summary>ln[(1 − q)^{misses} q^{hits}] with 0·ln 0 = 0.</summary>
    private static double LogBernoulli(int misses, int hits, double q) =>
        (misses == 0 ? 0.0 : misses * Math.Log(1.0 - q)) + (hits == 0 ? 0.0 : hits * Math.Log(q));
}
