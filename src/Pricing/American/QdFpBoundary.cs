using Analytics.Pricing.Distributions;

namespace Analytics.Pricing.American;

/// <summary>
/// The exercise boundary of an American put by the fixed-point iteration of Andersen, Lake and Offengenden
/// ("High-performance American option pricing", <i>J. Comput. Finance</i> 20(1), 2016): B(τ) = K·e^{−(r−q)τ}·N(τ, B)/D(τ, B)
/// on the Chebyshev nodes of a <see cref="QdFpScheme"/>, started from the QD+ boundary (<see cref="QdPlusLanes"/>, one node
/// per SIMD lane; <see cref="QdPlusBoundary"/> node by node without 256-bit vectors),
/// the first step a partial Jacobi-Newton step (their eq. 35), the others plain (Jacobi) fixed-point steps. FP-B (their
/// eq. 29–30) is used, FP-A (eq. 33–34) when |r − q| &lt; 0.001 as in QuantLib 1.29's <c>QdFpAmericanEngine</c> "Auto".
/// With vectors, a step is two passes over lanes: the integrands of all nodes' quadrature points at once
/// (<see cref="QdFpLanes.IntegrandsB"/>, node-major, so a quadrature order l that is not a multiple of the lane count
/// wastes no lane), then the update of all nodes (<see cref="QdFpLanes.UpdateB"/>); per-point 1/(σ√(τ − u)) and drift
/// terms are tabulated once per option, so a step takes no division or logarithm per point.
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

    /// <summary>Relative tolerance of the QD+ start.</summary>
    private const double StartTolerance = 1e-7;

    /// <summary>Doubles of work space <see cref="Solve"/> needs for <paramref name="tables"/>.</summary>
    internal static int WorkLength(QdFpTables tables) => 7 * tables.Nodes * tables.Points + 9 * tables.Nodes;

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
        var inverseStdDev = work.Slice(3 * count, count);
        var offset = work.Slice(4 * count, count);
        var pointRootH = work.Slice(5 * count, count);
        var pointNode = work.Slice(6 * count, count);
        var nodes = work.Slice(7 * count, 9 * n);
        var tau = nodes[..n];
        var next = nodes.Slice(n, n);
        var nodeStdDev = nodes.Slice(2 * n, n);
        var nodeScale = nodes.Slice(3 * n, n);
        var nodeDrift = nodes.Slice(4 * n, n);
        var nodeRootH = nodes.Slice(5 * n, n);
        var integralN = nodes.Slice(6 * n, n);
        var integralD = nodes.Slice(7 * n, n);
        double logXOverK = Math.Log(xMax / strike);
        double carry = rate - dividendYield;
        bool equationA = Math.Abs(carry) < 0.001;

        // For q < 0 the FP-B denominator is taken in its complement form (QdFpLanes.NodeColumns): e^{qτ} per node.
        bool complementD = dividendYield < 0.0 && !equationA;
        var yieldGrowth = complementD ? nodes.Slice(8 * n, n) : Span<double>.Empty;

        double start = xMax;
        for (int i = 0; i < n; i++)
        {
            double root = tables.NodeRoot[i];
            tau[i] = tenorYears * root * root;
            double stdDevNode = volatility * Math.Sqrt(tau[i]);
            nodeStdDev[i] = stdDevNode;
            nodeScale[i] = strike * Math.Exp(-carry * tau[i]);
            nodeDrift[i] = carry * tau[i];
            if (complementD)
            {
                yieldGrowth[i] = Math.Exp(dividendYield * tau[i]);
            }
            for (int k = 0; k < l; k++)
            {
                int j = i * l + k;
                double c = tables.Cos[k];
                double v = stdDevNode * c;
                weightN[j] = tau[i] * tables.SinSquared[k]; // u, turned into r·w·e^{ru} below
                pointRootH[j] = tables.Weight[k] * tau[i];  // scratch: the quadrature weight w
                stdDev[j] = v;
                inverseStdDev[j] = 1.0 / v;
                // d₋ = (√H(u) − √H(τ) + (r − q)(τ − u))/v − v/2 = (√H(u) − √H(τ))/v + offset.
                offset[j] = carry * tau[i] * c * c / v - 0.5 * v;
            }

            if (!QdFpLanes.Accelerated)
            {
                // Nodes run from short to long tenors, so the previous node's boundary starts Halley's method close by.
                start = QdPlusBoundary.At(strike, rate, dividendYield, volatility, tau[i], StartTolerance, start);
                h[i] = Squared(Math.Log(start / xMax));
            }
        }

        if (QdFpLanes.Accelerated)
        {
            QdPlusLanes.Boundaries(strike, rate, dividendYield, volatility, tau, StartTolerance, next);
            for (int i = 0; i < n; i++)
            {
                h[i] = Squared(Math.Log(next[i] / xMax));
            }
        }

        weightN.CopyTo(weightD);
        ExpWeights(weightN, rate, pointRootH);
        ExpWeights(weightD, dividendYield, pointRootH);

        bool lanes = QdFpLanes.Accelerated && !equationA;
        for (int step = 0; step < steps; step++)
        {
            Interpolate(tables.FixedPointInterpolation, h, pointRootH);
            bool newton = step == 0;
            if (lanes)
            {
                // Every node's integrands at once over lanes of quadrature points (node-major, so no lane is wasted when l is
                // not a multiple of the lane count), each node's two sums, then the update over lanes of nodes.
                for (int i = 0; i < n; i++)
                {
                    double rootH = Math.Sqrt(Math.Max(0.0, h[i]));
                    nodeRootH[i] = rootH;
                    pointNode.Slice(i * l, l).Fill(rootH);
                }

                QdFpLanes.IntegrandsB(weightN, weightD, stdDev, inverseStdDev, offset, pointRootH, pointNode, complementD);
                for (int i = 0; i < n; i++)
                {
                    integralN[i] = Sum(pointNode.Slice(i * l, l));
                    integralD[i] = Sum(pointRootH.Slice(i * l, l));
                }

                QdFpLanes.UpdateB(new QdFpLanes.NodeColumns(nodeStdDev, nodeScale, nodeDrift, nodeRootH, integralN, integralD, yieldGrowth),
                    logXOverK, xMax, MinimumBoundary * xMax, MaximumH, newton, next);
            }
            else
            {
                for (int i = 0; i < n; i++)
                {
                    double rootH = Math.Sqrt(Math.Max(0.0, h[i]));
                    var node = new Node(nodeStdDev[i], nodeScale[i], logXOverK - rootH, newton ? xMax * Math.Exp(-rootH) : double.NaN);
                    var point = new Point(weightN.Slice(i * l, l), weightD.Slice(i * l, l), stdDev.Slice(i * l, l),
                        inverseStdDev.Slice(i * l, l), offset.Slice(i * l, l), pointRootH.Slice(i * l, l), rootH);
                    double y = equationA
                        ? StepA(point, node, carry, tau[i], newton)
                        : StepB(point, node, carry, tau[i], newton, complementD ? yieldGrowth[i] : double.NaN);
                    // The boundary is floored at 1e-8·X (and a non-positive or undefined update, possible for q < 0 at long
                    // tenors where D ≤ 0, put there): below it the premium integrand vanishes to double precision for any
                    // spot above 1e-6·X, and the floor keeps H's dynamic range small enough for the polynomial interpolation.
                    next[i] = double.IsFinite(y) && y > MinimumBoundary * xMax ? Squared(Math.Log(y / xMax)) : MaximumH;
                }
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

    /// <summary>One FP-B step at a node: K·e^{−(r−q)τ}·N/D, or the Jacobi-Newton step towards its fixed point (the scalar
    /// form of <see cref="QdFpLanes.UpdateB"/>, for machines without 256-bit vectors).</summary>
    /// <remarks>With <paramref name="yieldGrowth"/> = e^{qτ} (q &lt; 0) D is taken in its complement form (see
    /// <see cref="QdFpLanes.NodeColumns"/>); NaN for the plain form.</remarks>
    private static double StepB(in Point p, in Node node, double carry, double tau, bool newton, double yieldGrowth)
    {
        bool complement = !double.IsNaN(yieldGrowth);
        double sign = complement ? -1.0 : 1.0;
        double integralN = 0.0, integralD = 0.0;
        for (int k = 0; k < p.WeightN.Length; k++)
        {
            double dMinus = (p.RootH[k] - p.RootHNode) * p.InverseStdDev[k] + p.Offset[k];
            integralN += p.WeightN[k] * StandardNormal.Cdf(dMinus);
            integralD += p.WeightD[k] * StandardNormal.Cdf(sign * (dMinus + p.StdDev[k]));
        }

        double stdDev = node.StdDev, b = node.Boundary;
        double dm = (node.LogBoundaryOverStrike + carry * tau) / stdDev - 0.5 * stdDev;
        double dp = dm + stdDev;
        double numerator = StandardNormal.Cdf(dm) + integralN;
        double denominator = complement ? yieldGrowth - StandardNormal.Cdf(-dp) - integralD : StandardNormal.Cdf(dp) + integralD;
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
            double dMinus = (p.RootH[k] - p.RootHNode) * p.InverseStdDev[k] + p.Offset[k];
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

    private static double Sum(ReadOnlySpan<double> values)
    {
        double sum = 0.0;
        foreach (double value in values)
        {
            sum += value;
        }

        return sum;
    }

    /// <summary>One node's σ√τ, K·e^{−(r−q)τ}, ln(B/K) and B (the latter only for the Newton step).</summary>
    private readonly record struct Node(double StdDev, double Scale, double LogBoundaryOverStrike, double Boundary);

    /// <summary>The quadrature data of one node.</summary>
    private readonly ref struct Point(
        ReadOnlySpan<double> weightN, ReadOnlySpan<double> weightD, ReadOnlySpan<double> stdDev, ReadOnlySpan<double> inverseStdDev,
        ReadOnlySpan<double> offset, ReadOnlySpan<double> rootH, double rootHNode)
    {
        internal readonly ReadOnlySpan<double> WeightN = weightN;
        internal readonly ReadOnlySpan<double> WeightD = weightD;
        internal readonly ReadOnlySpan<double> StdDev = stdDev;
        internal readonly ReadOnlySpan<double> InverseStdDev = inverseStdDev;
        internal readonly ReadOnlySpan<double> Offset = offset;
        internal readonly ReadOnlySpan<double> RootH = rootH;
        internal readonly double RootHNode = rootHNode;
    }
}
