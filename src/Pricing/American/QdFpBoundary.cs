using Analytics.Pricing.Distributions;

namespace Analytics.Pricing.American;

/// <summary>
/// The exercise boundary of an American put by the fixed-point iteration of Andersen, Lake and Offengenden
/// ("High-performance American option pricing", <i>J. Comput. Finance</i> 20(1), 2016): B(τ) = K·e^{−(r−q)τ}·N(τ, B)/D(τ, B)
/// on the Chebyshev nodes of a <see cref="QdFpScheme"/>, started from the QD+ boundary (<see cref="QdPlusBoundary"/>),
/// the first step a partial Jacobi-Newton step (their eq. 35), the others plain (Jacobi) fixed-point steps. FP-B (their
/// eq. 29–30) is used, FP-A (eq. 33–34) when |r − q| &lt; 0.001 as in QuantLib 1.29's <c>QdFpAmericanEngine</c> "Auto".
/// Pure; the caller supplies the work space.
/// </summary>
/// <remarks>
/// With u = τ·sin²φ the integrals of FP-B read ∫₀^{π/2} e^{ru}·Φ(d₋(τ·cos²φ, B(τ)/B(u)))·τ·sin 2φ dφ (and with q, d₊ for
/// D), where d±(t, z) = [ln z + (r − q)t]/(σ√t) ± ½σ√t; ln(B(τ)/B(u)) = √H(u) − √H(τ) needs no logarithm.
/// </remarks>
internal static class QdFpBoundary
{
    /// <summary>The smallest boundary represented, as a fraction of X.</summary>
    private const double MinimumBoundary = 1e-8;

    /// <summary>H = ln(1e-8)² of the floored boundary.</summary>
    private static readonly double MaximumH = Math.Log(MinimumBoundary) * Math.Log(MinimumBoundary);

    /// <summary>Doubles of work space <see cref="Solve"/> needs for <paramref name="tables"/>.</summary>
    internal static int WorkLength(QdFpTables tables) => 5 * tables.Nodes * tables.Points + 4 * tables.Nodes;

    /// <summary>Fills <paramref name="h"/> (length n) with H = ln(B/X)² at nodes 1..n.</summary>
    /// <param name="tables">The scheme's tables.</param>
    /// <param name="steps">Fixed-point steps m ≥ 1.</param>
    /// <param name="strike">K.</param>
    /// <param name="rate">r (the put's discount rate).</param>
    /// <param name="dividendYield">q.</param>
    /// <param name="volatility">σ.</param>
    /// <param name="tenorYears">T.</param>
    /// <param name="xMax">X, the boundary at expiry.</param>
    /// <param name="h">Receives H at nodes 1..n.</param>
    /// <param name="work">At least <see cref="WorkLength"/> doubles.</param>
    internal static void Solve(
        QdFpTables tables, int steps, double strike, double rate, double dividendYield, double volatility, double tenorYears,
        double xMax, Span<double> h, Span<double> work)
    {
        int n = tables.Nodes, l = tables.Points, count = n * l;
        var weightN = work[..count];
        var weightD = work.Slice(count, count);
        var stdDev = work.Slice(2 * count, count);
        var drift = work.Slice(3 * count, count);
        var pointRootH = work.Slice(4 * count, count);
        var tau = work.Slice(5 * count, n);
        var next = work.Slice(5 * count + n, n);
        var nodeStdDev = work.Slice(5 * count + 2 * n, n);
        var nodeScale = work.Slice(5 * count + 3 * n, n);
        double logXOverK = Math.Log(xMax / strike);
        double carry = rate - dividendYield;
        bool equationA = Math.Abs(carry) < 0.001;

        double start = xMax;
        for (int i = 0; i < n; i++)
        {
            double root = tables.NodeRoot[i];
            tau[i] = tenorYears * root * root;
            double stdDevNode = volatility * Math.Sqrt(tau[i]);
            nodeStdDev[i] = stdDevNode;
            nodeScale[i] = strike * Math.Exp(-carry * tau[i]);
            for (int k = 0; k < l; k++)
            {
                int j = i * l + k;
                double c = tables.Cos[k];
                weightN[j] = tau[i] * tables.SinSquared[k]; // u, turned into r·w·e^{ru} below
                pointRootH[j] = tables.Weight[k] * tau[i];  // scratch: the quadrature weight w
                stdDev[j] = stdDevNode * c;
                drift[j] = carry * tau[i] * c * c;
            }

            // Nodes run from short to long tenors, so the previous node's boundary starts Halley's method close by.
            start = QdPlusBoundary.At(strike, rate, dividendYield, volatility, tau[i], 1e-7 * strike, start);
            h[i] = Squared(Math.Log(start / xMax));
        }

        weightN.CopyTo(weightD);
        ExpWeights(weightN, rate, pointRootH);
        ExpWeights(weightD, dividendYield, pointRootH);

        for (int step = 0; step < steps; step++)
        {
            Interpolate(tables.FixedPointInterpolation, h, pointRootH);
            for (int i = 0; i < n; i++)
            {
                double rootH = Math.Sqrt(Math.Max(0.0, h[i]));
                bool newton = step == 0;
                var node = new Node(nodeStdDev[i], nodeScale[i], logXOverK - rootH, newton ? xMax * Math.Exp(-rootH) : double.NaN);
                var point = new Point(weightN.Slice(i * l, l), weightD.Slice(i * l, l), stdDev.Slice(i * l, l),
                    drift.Slice(i * l, l), pointRootH.Slice(i * l, l), rootH);
                double y = equationA
                    ? StepA(point, node, carry, tau[i], newton)
                    : StepB(point, node, carry, tau[i], newton);
                // The boundary is floored at 1e-8·X (and a non-positive or undefined update, possible for q < 0 at long tenors
                // where D ≤ 0, put there): below it the premium integrand vanishes to double precision for any spot above
                // 1e-6·X, and the floor keeps H's dynamic range small enough for the polynomial interpolation.
                next[i] = double.IsFinite(y) && y > MinimumBoundary * xMax ? Squared(Math.Log(y / xMax)) : MaximumH;
            }

            next.CopyTo(h);
        }
    }

    /// <summary>u_k → rate·w_k·e^{rate·u_k} in place (all zero when rate = 0).</summary>
    private static void ExpWeights(Span<double> u, double rate, ReadOnlySpan<double> w)
    {
        if (rate == 0.0)
        {
            u.Clear();
            return;
        }

        if (QdFpLanes.Accelerated)
        {
            QdFpLanes.ScaledExp(u, rate, w);
        }
        else
        {
            for (int k = 0; k < u.Length; k++)
            {
                u[k] = w[k] * Math.Exp(rate * u[k]);
            }
        }

        for (int k = 0; k < u.Length; k++)
        {
            u[k] *= rate;
        }
    }

    /// <summary>rootValues[r] = √max(0, Σ_j matrix[j·rows + r]·h[j]) (column-major, rows = rootValues.Length): √H at the points.</summary>
    internal static void Interpolate(ReadOnlySpan<double> matrix, ReadOnlySpan<double> h, Span<double> rootValues)
    {
        if (QdFpLanes.Accelerated)
        {
            QdFpLanes.Interpolate(matrix, h, rootValues);
            return;
        }

        int rows = rootValues.Length;
        rootValues.Clear();
        for (int j = 0; j < h.Length; j++)
        {
            var column = matrix.Slice(j * rows, rows);
            for (int row = 0; row < rows; row++)
            {
                rootValues[row] += column[row] * h[j];
            }
        }

        for (int row = 0; row < rows; row++)
        {
            rootValues[row] = Math.Sqrt(Math.Max(0.0, rootValues[row]));
        }
    }

    /// <summary>One FP-B step at a node: K·e^{−(r−q)τ}·N/D, or the Jacobi-Newton step towards its fixed point.</summary>
    private static double StepB(in Point p, in Node node, double carry, double tau, bool newton)
    {
        double integralN = 0.0, integralD = 0.0;
        if (QdFpLanes.Accelerated)
        {
            (integralN, integralD) = QdFpLanes.IntegralsB(p.WeightN, p.WeightD, p.StdDev, p.Drift, p.RootH, p.RootHNode);
        }
        else
        {
            for (int k = 0; k < p.WeightN.Length; k++)
            {
                double v = p.StdDev[k];
                double dMinus = (p.RootH[k] - p.RootHNode + p.Drift[k]) / v - 0.5 * v;
                integralN += p.WeightN[k] * StandardNormal.Cdf(dMinus);
                integralD += p.WeightD[k] * StandardNormal.Cdf(dMinus + v);
            }
        }

        double stdDev = node.StdDev, b = node.Boundary;
        double dm = (node.LogBoundaryOverStrike + carry * tau) / stdDev - 0.5 * stdDev;
        double dp = dm + stdDev;
        double numerator = StandardNormal.Cdf(dm) + integralN;
        double denominator = StandardNormal.Cdf(dp) + integralD;
        double scale = node.Scale;
        double f = scale * numerator / denominator;
        if (!newton)
        {
            return f;
        }

        double numeratorPrime = StandardNormal.Pdf(dm) / (b * stdDev);
        double denominatorPrime = StandardNormal.Pdf(dp) / (b * stdDev);
        double fPrime = scale * (numeratorPrime / denominator - denominatorPrime * numerator / (denominator * denominator));
        return NewtonOr(f, b, fPrime);
    }

    /// <summary>One FP-A step at a node (the N and D of Andersen-Lake-Offengenden eq. 33–34).</summary>
    private static double StepA(in Point p, in Node node, double carry, double tau, bool newton)
    {
        double integralN = 0.0, integralD = 0.0;
        for (int k = 0; k < p.WeightN.Length; k++)
        {
            double v = p.StdDev[k];
            double dMinus = (p.RootH[k] - p.RootHNode + p.Drift[k]) / v - 0.5 * v;
            double dPlus = dMinus + v;
            integralN += p.WeightN[k] * StandardNormal.Pdf(dMinus) / v;
            integralD += p.WeightD[k] * (StandardNormal.Cdf(dPlus) + StandardNormal.Pdf(dPlus) / v);
        }

        double stdDev = node.StdDev, b = node.Boundary;
        double dm = (node.LogBoundaryOverStrike + carry * tau) / stdDev - 0.5 * stdDev;
        double dp = dm + stdDev;
        double densityM = StandardNormal.Pdf(dm), densityP = StandardNormal.Pdf(dp);
        double numerator = densityM / stdDev + integralN;
        double denominator = densityP / stdDev + StandardNormal.Cdf(dp) + integralD;
        double scale = node.Scale;
        double f = scale * numerator / denominator;
        if (!newton)
        {
            return f;
        }

        double variance = stdDev * stdDev;
        double numeratorPrime = -densityM * dm / (b * variance);
        double denominatorPrime = -densityP * dp / (b * variance) + densityP / (b * stdDev);
        double fPrime = scale * (numeratorPrime / denominator - denominatorPrime * numerator / (denominator * denominator));
        return NewtonOr(f, b, fPrime);
    }

    /// <summary>b − (f − b)/(f′ − 1), the Jacobi-Newton update, or f when that is not a positive number.</summary>
    private static double NewtonOr(double f, double b, double fPrime)
    {
        double y = b - (f - b) / (fPrime - 1.0);
        return double.IsFinite(y) && y > 0.0 ? y : f;
    }

    private static double Squared(double x) => x * x;

    /// <summary>One node's σ√τ, K·e^{−(r−q)τ}, ln(B/K) and B (the latter only for the Newton step).</summary>
    private readonly record struct Node(double StdDev, double Scale, double LogBoundaryOverStrike, double Boundary);

    /// <summary>The quadrature data of one node.</summary>
    private readonly ref struct Point(
        ReadOnlySpan<double> weightN, ReadOnlySpan<double> weightD, ReadOnlySpan<double> stdDev, ReadOnlySpan<double> drift,
        ReadOnlySpan<double> rootH, double rootHNode)
    {
        internal readonly ReadOnlySpan<double> WeightN = weightN;
        internal readonly ReadOnlySpan<double> WeightD = weightD;
        internal readonly ReadOnlySpan<double> StdDev = stdDev;
        internal readonly ReadOnlySpan<double> Drift = drift;
        internal readonly ReadOnlySpan<double> RootH = rootH;
        internal readonly double RootHNode = rootHNode;
    }
}
