using Analytics.Pricing.Black;
using Analytics.Pricing.Engines;

namespace Analytics.Pricing.American;

/// <summary>
/// Prices American vanilla options by the fixed-point method of L. Andersen, M. Lake and D. Offengenden, "High-performance
/// American option pricing", <i>Journal of Computational Finance</i> 20(1) (2016) 39–87: the put's exercise boundary on
/// Chebyshev nodes in √τ, started from the QD+ approximation and refined by fixed-point iteration of their FP-B (or FP-A)
/// equation, then the price as the European value plus the early-exercise premium integral. The structure follows
/// QuantLib 1.29's <c>QdFpAmericanEngine</c>; the quadratures differ (Gauss-Legendre in an angle that removes both
/// endpoint square roots, see <see cref="QdFpScheme"/>). The API's <c>qd-fp</c> engine, on request (the American default is <c>bjerksund-stensland</c>, as API.md names it).
/// </summary>
/// <remarks>
/// <para><b>Calls</b> by McDonald and Schroder's put-call symmetry C(S, K, r, q) = P(K, S, q, r) ("A parity result for
/// American options", <i>J. Comput. Finance</i> 1(3), 1998), q = r − b.</para>
/// <para><b>Regimes</b> (for the put; a call swaps r and q). Early exercise is never optimal when r ≤ 0 and q ≥ r:
/// exercising then earns rK − qS &lt; 0 per unit time wherever the put is in the money, and the European price and
/// closed-form Greeks are returned (Andersen and Lake, "Fast American option pricing: the double-boundary case",
/// <i>Wilmott</i> 2021, Table 2; QuantLib 1.29 does the same). With q &lt; r &lt; 0 the exercise region is an interval
/// between two boundaries (their "double-boundary case", which QuantLib 1.29's engine rejects); this engine does not
/// implement it and hands the option to <see cref="BinomialAmericanPricer.Default"/> (<see cref="GreeksMethod.Lattice"/>).
/// Everything else (r &gt; 0, or r = 0 with q &lt; 0) has one boundary and is priced here.</para>
/// <para><b>Greeks</b> (<see cref="GreeksMethod.BoundaryIntegral"/>): delta and gamma are the analytic spot derivatives of
/// the premium integral at the fixed boundary (the boundary does not depend on the spot; a call's follow from the put's by
/// the degree-one homogeneity of the price in (S, K)); theta is the Black-Scholes PDE θ = rV − bSΔ − ½σ²S²Γ (0 in the
/// exercise region); vega and volga come from prices at σ(1 ± 10⁻³), vanna from the analytic deltas there, charm from
/// deltas at T(1 ± 10⁻³), rho and carry rho from ± 10⁻⁴ in r and b: eight more boundary solutions.</para>
/// <para><b>Extreme carry</b>: where the perpetual and touch-at-B∞ bounds meet (<see cref="PerpetualBounds"/>, relative gap ≤ 1e-9) the
/// boundary climbs from K to B∞ within a sliver of the tenor that the Chebyshev nodes in √τ do not resolve (a call at q = 10,
/// σ = 30 %, T = 1 was priced at 0.137 against 0.166), so the bounds' value is returned, with finite-difference Greeks of the bounds
/// (<see cref="GreeksMethod.FiniteDifference"/>); elsewhere the price is clamped into the bounds.</para>
/// <para>Stateless apart from the scheme's immutable tables; thread-safe. Work space is on the stack (or pooled for
/// large schemes), so pricing does not allocate.</para>
/// </remarks>
public sealed class QdFpAmericanPricer
{
    /// <summary>The engine with <see cref="QdFpScheme.Default"/> (the API's <c>qd-fp</c>).</summary>
    public static readonly QdFpAmericanPricer Default = new(QdFpScheme.Default);

    /// <summary>The engine with <see cref="QdFpScheme.HighPrecision"/>.</summary>
    public static readonly QdFpAmericanPricer HighPrecision = new(QdFpScheme.HighPrecision);

    /// <summary>The engine with <see cref="QdFpScheme.QuantLibHighPrecision"/> (QuantLib's high-precision m and n).</summary>
    public static readonly QdFpAmericanPricer QuantLibHighPrecision = new(QdFpScheme.QuantLibHighPrecision);

    private const double RelativeBump = 1e-3;
    private const double RateBump = 1e-4;

    /// <summary>Creates an engine with a given discretisation.</summary>
    /// <param name="scheme">Chebyshev nodes, fixed-point steps and quadrature orders.</param>
    /// <exception cref="ArgumentNullException"><paramref name="scheme"/> is null.</exception>
    public QdFpAmericanPricer(QdFpScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        Scheme = scheme;
    }

    /// <summary>The discretisation.</summary>
    public QdFpScheme Scheme { get; }

    /// <summary>
    /// Price, European reference, Greeks and exercise regime of an American vanilla option (Greek conventions as in
    /// API.md: vega per 1.00 of volatility, theta and charm per year, rho per 1.00 of rate with the dividend yield fixed).
    /// </summary>
    /// <param name="inputs">Validated option and market inputs (generalised BSM with cost of carry b).</param>
    /// <returns>The price in the quote currency per unit of underlying and its sensitivities.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null.</exception>
    public AmericanOptionResult Price(BlackVanillaOptionInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var european = BlackVanillaOptionPricer.Default.Price(inputs);
        var m = AmericanMarket.From(inputs);
        switch (RegimeOf(m))
        {
            case Regime.European:
                return EarlyExercise.European(european);
            case Regime.DoubleBoundary:
                return BinomialAmericanPricer.Default.Price(inputs);
        }

        if (PerpetualBounds.TryPinned(m, european.Price, out var pinned, out var bounds))
        {
            // Extreme carry: the boundary moves from K to B∞ within a sliver of the tenor that the Chebyshev nodes in √τ cannot
            // resolve (q = 10 gave 0.137 against a pinned 0.166); the perpetual bounds give the value, Greeks by bumping them.
            var fdGreeks = PerpetualBounds.PinnedGreeks(m, pinned, inputs.CarryConvention == CarryConvention.RateMinusDividendYield);
            return new AmericanOptionResult(pinned, european.Price, european.Forward, european.DiscountFactor, fdGreeks,
                GreeksMethod.FiniteDifference, EarlyExercise.RegimeOf(pinned, m.Intrinsic));
        }

        var root = Value(m);
        root = root with { Price = PerpetualBounds.Clamp(bounds, root.Price) };
        if (root.Exercised)
        {
            var exercised = new Greeks(root.Delta, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
            return new AmericanOptionResult(root.Price, european.Price, european.Forward, european.DiscountFactor, exercised,
                GreeksMethod.BoundaryIntegral, AmericanExerciseRegime.ImmediateExercise);
        }

        double hV = RelativeBump * m.Volatility;
        var upV = ValueOrEuropean(m with { Volatility = m.Volatility + hV });
        var downV = ValueOrEuropean(m with { Volatility = m.Volatility - hV });
        double hT = RelativeBump * m.TenorYears;
        var longerT = ValueOrEuropean(m with { TenorYears = m.TenorYears + hT });
        var shorterT = ValueOrEuropean(m with { TenorYears = m.TenorYears - hT });
        double upB = ValueOrEuropean(m with { Carry = m.Carry + RateBump }).Price;
        double downB = ValueOrEuropean(m with { Carry = m.Carry - RateBump }).Price;
        double carryShift = inputs.CarryConvention == CarryConvention.RateMinusDividendYield ? RateBump : 0.0;
        double upR = ValueOrEuropean(m with { Rate = m.Rate + RateBump, Carry = m.Carry + carryShift }).Price;
        double downR = ValueOrEuropean(m with { Rate = m.Rate - RateBump, Carry = m.Carry - carryShift }).Price;

        double theta = m.Rate * root.Price - m.Carry * m.Spot * root.Delta
                       - 0.5 * m.Volatility * m.Volatility * m.Spot * m.Spot * root.Gamma;
        var greeks = new Greeks(
            Delta: root.Delta,
            Gamma: root.Gamma,
            Vega: (upV.Price - downV.Price) / (2.0 * hV),
            Theta: theta,
            Rho: (upR - downR) / (2.0 * RateBump),
            CarryRho: (upB - downB) / (2.0 * RateBump),
            Vanna: (upV.Delta - downV.Delta) / (2.0 * hV),
            Volga: (upV.Price - 2.0 * root.Price + downV.Price) / (hV * hV),
            Charm: (shorterT.Delta - longerT.Delta) / (2.0 * hT));
        return new AmericanOptionResult(root.Price, european.Price, european.Forward, european.DiscountFactor, greeks,
            GreeksMethod.BoundaryIntegral, AmericanExerciseRegime.Continuation);
    }

    /// <summary>The price alone (one boundary solution, no Greeks): for batch pricing and root finding.</summary>
    /// <param name="inputs">Validated option and market inputs.</param>
    /// <returns>Present value in the quote currency per unit of underlying.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null.</exception>
    public double PresentValue(BlackVanillaOptionInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var m = AmericanMarket.From(inputs);
        return RegimeOf(m) switch
        {
            Regime.European => BjerksundStensland2002Pricer.EuropeanValue(m),
            Regime.DoubleBoundary => BinomialAmericanPricer.Default.PresentValue(inputs),
            _ => PerpetualBounds.Bounded(m, (in AmericanMarket x) => Value(x).Price),
        };
    }

    /// <summary>Price, delta and gamma on the single-boundary domain (trusted path).</summary>
    internal QdFpPut.Value Value(in AmericanMarket m)
    {
        double dividendYield = m.Rate - m.Carry;
        if (!m.IsCall)
        {
            return QdFpPut.Price(Scheme, m.Spot, m.Strike, m.Rate, dividendYield, m.Volatility, m.TenorYears);
        }

        // C(S, K, r, q) = P(K, S, q, r); P is homogeneous of degree one in (spot, strike), so ∂P/∂strike = (P − spot·∂P/∂spot)/strike
        // and ∂²P/∂strike² = (spot/strike)²·∂²P/∂spot².
        var put = QdFpPut.Price(Scheme, m.Strike, m.Spot, dividendYield, m.Rate, m.Volatility, m.TenorYears);
        double ratio = m.Strike / m.Spot;
        return new QdFpPut.Value(put.Price, (put.Price - m.Strike * put.Delta) / m.Spot, ratio * ratio * put.Gamma, put.Exercised);
    }

    /// <summary>The put-equivalent regime of the inputs (a call is the put with r and q swapped).</summary>
    internal static Regime RegimeOf(in AmericanMarket m)
    {
        double dividendYield = m.Rate - m.Carry;
        var (rate, yield) = m.IsCall ? (dividendYield, m.Rate) : (m.Rate, dividendYield);
        if (rate <= 0.0 && yield >= rate)
        {
            return Regime.European;
        }

        return rate < 0.0 ? Regime.DoubleBoundary : Regime.SingleBoundary;
    }

    /// <summary>Value at a bumped market, European (closed form) where the bump leaves the early-exercise domain.</summary>
    private QdFpPut.Value ValueOrEuropean(in AmericanMarket m)
    {
        if (RegimeOf(m) == Regime.SingleBoundary)
        {
            return Value(m);
        }

        var european = BlackScholesKernel.Evaluate(m.Spot, m.Strike, m.TenorYears, m.Volatility, m.Rate, m.Carry, m.IsCall, rhoMovesCarry: false);
        return new QdFpPut.Value(european.Price, european.Greeks.Delta, european.Greeks.Gamma, Exercised: false);
    }

    /// <summary>Where a put (or the put a call maps to) can be exercised early.</summary>
    internal enum Regime
    {
        /// <summary>Never: r ≤ 0 and q ≥ r.</summary>
        European,

        /// <summary>One boundary below the strike: r &gt; 0, or r = 0 with q &lt; 0.</summary>
        SingleBoundary,

        /// <summary>Two boundaries: q &lt; r &lt; 0.</summary>
        DoubleBoundary,
    }
}
