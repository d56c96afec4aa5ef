namespace Analytics.Pricing.American;

/// <summary>
/// The discretisation of the Andersen-Lake-Offengenden fixed-point American engine (<see cref="QdFpAmericanPricer"/>):
/// how many Chebyshev nodes carry the exercise boundary, how many fixed-point steps refine it and how many
/// Gauss-Legendre points evaluate its integrals (L. Andersen, M. Lake and D. Offengenden, "High-performance American
/// option pricing", <i>Journal of Computational Finance</i> 20(1), 2016, §5, their "(l, m, n)-p" schemes). Immutable.
/// </summary>
/// <remarks>
/// The boundary B(τ) is interpolated as H(√τ) = ln(B(τ)/X)² (X = the boundary at expiry) on <see cref="ChebyshevNodes"/>
/// + 1 Chebyshev points of the second kind in √τ (one of them τ = 0, where H = 0). Both the fixed-point integrals and
/// the premium integral are taken in the angle φ of u = τ·sin²φ, which turns the square-root behaviour at both ends
/// of each integral (√u of the boundary near expiry, √(τ − u) of the transition density) into an analytic integrand,
/// so Gauss-Legendre converges geometrically.
/// </remarks>
public sealed record QdFpScheme
{
    private readonly Lazy<QdFpTables> _tables;

    /// <summary>Creates a scheme.</summary>
    /// <param name="chebyshevNodes">n: Chebyshev nodes of the boundary besides τ = 0, 2 ≤ n ≤ 64.</param>
    /// <param name="fixedPointSteps">m: fixed-point steps, the first a Jacobi-Newton step, 1 ≤ m ≤ 64.</param>
    /// <param name="quadratureOrder">l: Gauss-Legendre points per fixed-point integral, 2 ≤ l ≤ 256.</param>
    /// <param name="priceQuadratureOrder">p: Gauss-Legendre points of the early-exercise premium integral, 2 ≤ p ≤ 512.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
    public QdFpScheme(int chebyshevNodes, int fixedPointSteps, int quadratureOrder, int priceQuadratureOrder)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chebyshevNodes, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(chebyshevNodes, 64);
        ArgumentOutOfRangeException.ThrowIfLessThan(fixedPointSteps, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fixedPointSteps, 64);
        ArgumentOutOfRangeException.ThrowIfLessThan(quadratureOrder, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quadratureOrder, 256);
        ArgumentOutOfRangeException.ThrowIfLessThan(priceQuadratureOrder, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(priceQuadratureOrder, 512);
        ChebyshevNodes = chebyshevNodes;
        FixedPointSteps = fixedPointSteps;
        QuadratureOrder = quadratureOrder;
        PriceQuadratureOrder = priceQuadratureOrder;
        _tables = new Lazy<QdFpTables>(() => QdFpTables.Create(this), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// The default of the <c>qd-fp</c> engine, (l, m, n)-p = (10, 8, 16)-48: the speed setting, chosen on issue 14 item 2's
    /// error-against-cost frontier (<c>bench/Analytics.Benchmarks/QdFpFrontier.cs</c>, bench/RESULTS.md 2026-12-02) as
    /// the cheapest scheme whose largest error over the grid is no worse than that of the previous default (16, 8, 16)-48.
    /// Measured 2026-12-02 over 1,920 puts and calls (S/K 0.5–2, σ 5 %–200 %, (r, q) ∈ {(5 %, 0), (3 %, 8 %), (10 %, 10 %),
    /// (2 %, −3 %), (−2 %, 1 %), (0, −2 %)}, eight tenors) against a converged reference ((192, 64, 64)-512, within 2e-8 of
    /// (96, 48, 48)-256 everywhere and 5e-10 up to ten years), relative error with a floor of 1e-12 of the strike: at
    /// most 5.9e-10 at one day, 2.0e-9 at a week, 7.7e-9 at a month, 1.7e-7 at three months, 8.5e-7 at a year, 7.8e-6 at
    /// five years, 5.3e-6 at ten years and 1.1e-5 at 30 years (the previous default: 1.7e-10, 6.5e-9, 2.5e-8, 2.0e-7,
    /// 9.0e-7, 5.6e-6, 4.6e-6 and 2.1e-5); the largest errors are at σ = 5 %. On the benchmark's 16 options it costs
    /// 0.65 times the previous default (12.8 against 19.7 µs per option, same run, BenchmarkDotNet, 2026-12-02) and is
    /// within 4.0e-7 of QuantLib's high-precision engine (the previous default: 3.7e-7). It does not meet issue 14's 1e-8
    /// beyond a month: (48, 48, 48)-128 is within 4.6e-10 of the reference up to ten years and 2.0e-8 at 30 years (the
    /// reference's own uncertainty there) at about 1.1 ms per option.
    /// </summary>
    public static QdFpScheme Default { get; } = new(chebyshevNodes: 16, fixedPointSteps: 8, quadratureOrder: 10, priceQuadratureOrder: 48);

    /// <summary>
    /// A reference scheme well beyond <see cref="Default"/>, (64, 32, 32)-128: within about 1e-8 of a scheme with 48 nodes
    /// and 32 steps except at low volatility and tenors of ten years and more (about 1e-6 there); milliseconds per option.
    /// </summary>
    public static QdFpScheme HighPrecision { get; } = new(chebyshevNodes: 32, fixedPointSteps: 32, quadratureOrder: 64, priceQuadratureOrder: 128);

    /// <summary>
    /// QuantLib's <c>QdFpAmericanEngine::highPrecisionScheme()</c> discretisation, (l, m, n)-p = (48, 10, 30)-128: the same 30
    /// Chebyshev nodes besides τ = 0 and the same 10 fixed-point steps (one Jacobi-Newton, nine plain) as QuantLib's
    /// tanh-sinh (m, n, ε) = (10, 30, 1e-10) scheme, with integrals accurate to about 1e-11 relative instead of its
    /// tanh-sinh quadratures. QuantLib's high-precision scheme is not converged in m and n (up to 6e-7 relative from a
    /// (40, 64, 1e-12) scheme at 30 years, low vol), so matching it to 1e-8 needs its own m and n: this scheme is the one
    /// that meets issue 14's "1e-8 of QuantLib's high precision" over the tested grid (tenors one day to 30 years, see the
    /// QuantLib cross-check tests for the cells where QuantLib's own 1e-10 tanh-sinh quadrature is the larger error).
    /// About ten times the cost of <see cref="Default"/>.
    /// </summary>
    public static QdFpScheme QuantLibHighPrecision { get; } = new(chebyshevNodes: 30, fixedPointSteps: 10, quadratureOrder: 48, priceQuadratureOrder: 128);

    /// <summary>n: Chebyshev nodes of the exercise boundary besides τ = 0.</summary>
    public int ChebyshevNodes { get; }

    /// <summary>m: fixed-point steps (the first one a partial Jacobi-Newton step, the others plain).</summary>
    public int FixedPointSteps { get; }

    /// <summary>l: Gauss-Legendre points of each integral inside a fixed-point step.</summary>
    public int QuadratureOrder { get; }

    /// <summary>p: Gauss-Legendre points of the early-exercise premium integral.</summary>
    public int PriceQuadratureOrder { get; }

    /// <summary>The scheme's option-independent nodes, weights and interpolation matrices, built once.</summary>
    internal QdFpTables Tables => _tables.Value;

    /// <inheritdoc />
    public bool Equals(QdFpScheme? other) =>
        other is not null && ChebyshevNodes == other.ChebyshevNodes && FixedPointSteps == other.FixedPointSteps
        && QuadratureOrder == other.QuadratureOrder && PriceQuadratureOrder == other.PriceQuadratureOrder;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ChebyshevNodes, FixedPointSteps, QuadratureOrder, PriceQuadratureOrder);

    /// <inheritdoc />
    public override string ToString() =>
        $"(l={QuadratureOrder}, m={FixedPointSteps}, n={ChebyshevNodes})-p={PriceQuadratureOrder}";
}
