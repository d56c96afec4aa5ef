using MathNet.Numerics.Statistics;

namespace Analytics.Pricing.Surfaces;

/// <summary>
/// Robust forward from put-call parity C − P = DF·(F − K) (Hull, <i>Options, Futures, and Other Derivatives</i>,
/// 8th ed. 2012, §11.4), regressed over all strikes where both rights are quoted instead of read from one pair:
/// y_i = C_i − P_i = α + β·K_i with α = DF·F, β = −DF, so F = −α/β. For premiums in the underlying (inverse options,
/// USD premium = coin premium × F) the same line reads y_i = DF − (DF/F)·K_i, and again F = −α/β.
/// </summary>
/// <remarks>
/// Estimator: a Theil-Sen start (median of pairwise slopes, Sen, <i>JASA</i> 63, 1968; breakdown point 29 %),
/// refined by Huber M-estimation with iteratively reweighted least squares (Huber, <i>Robust Statistics</i>, 1981,
/// §7.8; tuning constant 1.345, scale = 1.4826·MAD of the residuals). One stale or fat-fingered pair moves the
/// forward by far less than in a single-pair or ordinary least-squares estimate. Pure and thread-safe.
/// </remarks>
public static class PutCallParityForward
{
    private const double HuberConstant = 1.345;
    private const int MaximumIterations = 50;

    /// <summary>Estimates the forward from call-minus-put prices at several strikes.</summary>
    /// <param name="strikes">Strikes K_i in USD, &gt; 0 (at least two distinct).</param>
    /// <param name="callMinusPut">C_i − P_i in <paramref name="premiumCurrency"/>, same length as <paramref name="strikes"/>.</param>
    /// <param name="premiumCurrency">Currency of the premiums.</param>
    /// <returns>The estimate, or a value with <see cref="ParityForwardEstimate.IsEstimated"/> false and a reason.</returns>
    /// <exception cref="ArgumentException">The two lists differ in length.</exception>
    public static ParityForwardEstimate Estimate(
        IReadOnlyList<double> strikes, IReadOnlyList<double> callMinusPut, PremiumCurrency premiumCurrency)
    {
        ArgumentNullException.ThrowIfNull(strikes);
        ArgumentNullException.ThrowIfNull(callMinusPut);
        if (strikes.Count != callMinusPut.Count)
        {
            throw new ArgumentException("strikes and callMinusPut must have the same length.", nameof(callMinusPut));
        }

        int n = strikes.Count;
        if (n < 2)
        {
            return Failed(n, "Fewer than two strikes with both rights quoted.");
        }

        // Centre and scale K for conditioning.
        double kMean = 0.0;
        for (int i = 0; i < n; i++)
        {
            kMean += strikes[i];
        }

        kMean /= n;
        var x = new double[n];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = strikes[i] - kMean;
            y[i] = callMinusPut[i];
        }

        var (intercept, slope) = TheilSen(x, y);
        if (!double.IsFinite(slope))
        {
            return Failed(n, "All strikes are equal.");
        }

        var weights = new double[n];
        var residuals = new double[n];
        for (int iteration = 0; iteration < MaximumIterations; iteration++)
        {
            for (int i = 0; i < n; i++)
            {
                residuals[i] = y[i] - intercept - slope * x[i];
            }

            double scale = 1.4826 * MedianAbsolute(residuals);
            double threshold = HuberConstant * Math.Max(scale, 1e-15 * (Math.Abs(intercept) + 1e-300));
            for (int i = 0; i < n; i++)
            {
                double r = Math.Abs(residuals[i]);
                weights[i] = r <= threshold ? 1.0 : threshold / r;
            }

            var (newIntercept, newSlope) = WeightedLine(x, y, weights);
            if (!double.IsFinite(newSlope))
            {
                break;
            }

            bool converged = Math.Abs(newIntercept - intercept) <= 1e-14 * (Math.Abs(intercept) + 1e-300)
                && Math.Abs(newSlope - slope) <= 1e-14 * Math.Abs(slope);
            intercept = newIntercept;
            slope = newSlope;
            if (converged)
            {
                break;
            }
        }

        if (!(slope < 0.0))
        {
            return Failed(n, "The parity regression has a non-negative slope: C − P does not fall with the strike.");
        }

        // y = intercept + slope·(K − kMean) = α + β·K with β = slope, α = intercept − slope·kMean.
        double alpha = intercept - slope * kMean;
        double forward = -alpha / slope;
        double discountFactor = premiumCurrency == PremiumCurrency.Usd ? -slope : alpha;
        if (!(forward > 0.0) || !double.IsFinite(forward))
        {
            return Failed(n, "The parity regression implies a non-positive forward.");
        }

        int downweighted = weights.Count(w => w < 1.0);
        return new ParityForwardEstimate(true, forward, discountFactor, n, downweighted, string.Empty);
    }

    private static ParityForwardEstimate Failed(int pairs, string reason) =>
        new(false, double.NaN, double.NaN, pairs, 0, reason);

    private static (double Intercept, double Slope) TheilSen(double[] x, double[] y)
    {
        int n = x.Length;
        var slopes = new List<double>(n * (n - 1) / 2);
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                double dx = x[j] - x[i];
                if (dx != 0.0)
                {
                    slopes.Add((y[j] - y[i]) / dx);
                }
            }
        }

        if (slopes.Count == 0)
        {
            return (double.NaN, double.NaN);
        }

        double slope = Median(slopes.ToArray());
        var intercepts = new double[n];
        for (int i = 0; i < n; i++)
        {
            intercepts[i] = y[i] - slope * x[i];
        }

        return (Median(intercepts), slope);
    }

    private static (double Intercept, double Slope) WeightedLine(double[] x, double[] y, double[] w)
    {
        double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sw += w[i];
            sx += w[i] * x[i];
            sy += w[i] * y[i];
            sxx += w[i] * x[i] * x[i];
            sxy += w[i] * x[i] * y[i];
        }

        double det = sw * sxx - sx * sx;
        if (!(det > 0.0))
        {
            return (double.NaN, double.NaN);
        }

        double slope = (sw * sxy - sx * sy) / det;
        return ((sy - slope * sx) / sw, slope);
    }

    private static double MedianAbsolute(double[] values)
    {
        var copy = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            copy[i] = Math.Abs(values[i]);
        }

        return Median(copy);
    }

    /// <summary>
    /// Median of an array, which it reorders: MathNet's selection (<see cref="ArrayStatistics.MedianInplace(double[])"/>, Press
    /// et al. 2007, §8.5; O(n) instead of a sort), the same value as sorting gives; NaN when empty.
    /// </summary>
    internal static double Median(double[] values) => ArrayStatistics.MedianInplace(values);
}
