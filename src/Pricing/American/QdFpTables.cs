using MathNet.Numerics.Integration;
using MathNet.Numerics.Interpolation;

namespace Analytics.Pricing.American;

/// <summary>
/// The option-independent part of a <see cref="QdFpScheme"/>: the Chebyshev nodes in √τ, the Gauss-Legendre points in
/// the angle φ and, because every point where the boundary is needed is a fixed fraction of the tenor, the Lagrange
/// interpolation matrices that map the boundary's node values to those points (a matrix-vector product per
/// fixed-point step instead of an interpolation per point). Built once per scheme; immutable and thread-safe.
/// </summary>
/// <remarks>
/// Nodes z_j = −cos(jπ/n), j = 0..n, Chebyshev points of the second kind on [−1, 1] with √τ = ½√T(1 + z)
/// (as QuantLib's <c>ChebyshevInterpolation::SecondKind</c>); node 0 is τ = 0, where H = 0 always, so the matrices
/// have n columns (nodes 1..n). Interpolation is Lagrange's on those nodes in barycentric form
/// (MathNet <see cref="Barycentric"/>, weights (−1)^j halved at both ends: Berrut and Trefethen, "Barycentric Lagrange
/// interpolation", <i>SIAM Review</i> 46, 2004, eq. 5.2); quadrature is MathNet's <see cref="GaussLegendreRule"/>.
/// </remarks>
internal sealed class QdFpTables
{
    private QdFpTables(
        int nodes, int points, int pricePoints, double[] nodeRoot, double[] sinSquared, double[] cosine, double[] weight,
        double[] fixedPointInterpolation, double[] priceSine, double[] priceCos, double[] priceWeight, double[] priceInterpolation)
    {
        Nodes = nodes;
        Points = points;
        PricePoints = pricePoints;
        NodeRoot = nodeRoot;
        SinSquared = sinSquared;
        Cos = cosine;
        Weight = weight;
        FixedPointInterpolation = fixedPointInterpolation;
        PriceSin = priceSine;
        PriceCos = priceCos;
        PriceWeight = priceWeight;
        PriceInterpolation = priceInterpolation;
    }

    /// <summary>n: nodes besides τ = 0.</summary>
    internal int Nodes { get; }

    /// <summary>l: quadrature points per fixed-point integral.</summary>
    internal int Points { get; }

    /// <summary>p: quadrature points of the premium integral.</summary>
    internal int PricePoints { get; }

    /// <summary>√(τ_i/T) = ½(1 + z_i) of nodes i = 1..n (index i − 1).</summary>
    internal double[] NodeRoot { get; }

    /// <summary>sin²φ_k of the fixed-point quadrature points (u = τ·sin²φ).</summary>
    internal double[] SinSquared { get; }

    /// <summary>cos φ_k (τ − u = τ·cos²φ).</summary>
    internal double[] Cos { get; }

    /// <summary>Gauss-Legendre weight on [0, π/2] times sin 2φ_k = du/(τ dφ).</summary>
    internal double[] Weight { get; }

    /// <summary>(n·l) × n column-major: H at u = τ_i·sin²φ_k from H at nodes 1..n (row (i − 1)·l + k, column j at
    /// offset j·n·l), so a fixed-point step interpolates with one vectorised axpy per node.</summary>
    internal double[] FixedPointInterpolation { get; }

    /// <summary>sin ψ_k of the premium points (elapsed time t = T·sin²ψ).</summary>
    internal double[] PriceSin { get; }

    /// <summary>cos ψ_k: the boundary at τ = T − t = T·cos²ψ sits at √(τ/T) = cos ψ.</summary>
    internal double[] PriceCos { get; }

    /// <summary>Gauss-Legendre weight times sin 2ψ_k = dt/(T dψ).</summary>
    internal double[] PriceWeight { get; }

    /// <summary>p × n column-major: H at τ = T·cos²ψ_k from H at nodes 1..n.</summary>
    internal double[] PriceInterpolation { get; }

    /// <summary>Builds the tables of <paramref name="scheme"/>.</summary>
    internal static QdFpTables Create(QdFpScheme scheme)
    {
        int n = scheme.ChebyshevNodes, l = scheme.QuadratureOrder, p = scheme.PriceQuadratureOrder;
        var z = new double[n + 1];
        var barycentricWeights = new double[n + 1];
        for (int j = 0; j <= n; j++)
        {
            z[j] = -Math.Cos(j * Math.PI / n);
            barycentricWeights[j] = (j % 2 == 0 ? 1.0 : -1.0) * (j == 0 || j == n ? 0.5 : 1.0);
        }

        z[0] = -1.0;
        z[n] = 1.0;
        var basis = new Barycentric[n];
        for (int j = 1; j <= n; j++)
        {
            var unit = new double[n + 1];
            unit[j] = 1.0;
            basis[j - 1] = new Barycentric(z, unit, barycentricWeights);
        }

        var nodeRoot = new double[n];
        for (int i = 1; i <= n; i++)
        {
            nodeRoot[i - 1] = 0.5 * (1.0 + z[i]);
        }

        var rule = new GaussLegendreRule(0.0, 0.5 * Math.PI, l);
        var sinSquared = new double[l];
        var cosine = new double[l];
        var weight = new double[l];
        var sine = new double[l];
        for (int k = 0; k < l; k++)
        {
            double phi = rule.Abscissas[k];
            sine[k] = Math.Sin(phi);
            sinSquared[k] = sine[k] * sine[k];
            cosine[k] = Math.Cos(phi);
            weight[k] = rule.Weights[k] * Math.Sin(2.0 * phi);
        }

        // √(u/T) = √(τ_i/T)·sin φ_k, so the boundary's Chebyshev argument is 2·root_i·sin φ_k − 1.
        var fixedPoint = new double[n * l * n];
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < l; k++)
            {
                Fill(fixedPoint, i * l + k, n * l, basis, 2.0 * nodeRoot[i] * sine[k] - 1.0);
            }
        }

        var priceRule = new GaussLegendreRule(0.0, 0.5 * Math.PI, p);
        var priceSine = new double[p];
        var priceCos = new double[p];
        var priceWeight = new double[p];
        var price = new double[p * n];
        for (int k = 0; k < p; k++)
        {
            double psi = priceRule.Abscissas[k];
            priceSine[k] = Math.Sin(psi);
            priceCos[k] = Math.Cos(psi);
            priceWeight[k] = priceRule.Weights[k] * Math.Sin(2.0 * psi);
            Fill(price, k, p, basis, 2.0 * priceCos[k] - 1.0);
        }

        return new QdFpTables(n, l, p, nodeRoot, sinSquared, cosine, weight, fixedPoint, priceSine, priceCos, priceWeight, price);
    }

    /// <summary>Row <paramref name="row"/> of a column-major matrix with <paramref name="rows"/> rows: the Lagrange basis at z.</summary>
    private static void Fill(double[] matrix, int row, int rows, Barycentric[] basis, double z)
    {
        for (int j = 0; j < basis.Length; j++)
        {
            matrix[j * rows + row] = basis[j].Interpolate(z);
        }
    }
}
