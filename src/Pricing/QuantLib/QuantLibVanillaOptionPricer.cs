using Analytics.Pricing.Black;
using Analytics.Pricing.Engines;

namespace Analytics.Pricing.QuantLib;

/// <summary>
/// Prices vanilla options with QuantLib's engines through the SWIG binding (PRODUCT.md §3.3: the second
/// engine family, used to cross-validate our own engines and selectable per request). Inputs and Greeks use
/// the same records and conventions as <see cref="BlackVanillaOptionPricer"/> (API.md "Pricing"); flat
/// rate, carry and volatility, tenors in years by Act/365F priced exactly (no rounding to whole days, see
/// the remarks).
/// </summary>
/// <remarks>
/// <para>Thread-safe: every call goes through the process-wide QuantLib gateway, which serialises all QuantLib
/// work under one lock (QuantLib's evaluation date is global and Debian's build is not thread-safe), so calls
/// from many threads queue rather than run in parallel. Synchronous and CPU-bound: about 25 µs with all Greeks for
/// <see cref="QuantLibEngine.QuantLibAnalytic"/>, about 15 ms for the lattice, tens of milliseconds per price for the
/// finite-difference engine on its tenor-dependent grid (times the bumps for Greeks).</para>
/// <para>Exact tenors: QuantLib's maturities are dates, so a tenor T is priced on the nearest whole-day
/// maturity T′ with r, q and σ² rescaled by T/T′, which leaves rT, qT and σ²T — and so the Black-Scholes-Merton
/// value, European or American — unchanged; theta, vega and rho are converted back.</para>
/// <para>When QuantLib is unavailable (built without the binding, or the native library does not load) every
/// method throws <see cref="QuantLibUnavailableException"/>; check <see cref="IsAvailable"/> first to avoid it.</para>
/// </remarks>
public sealed class QuantLibVanillaOptionPricer
{
    /// <summary>The shared instance, backed by the process-wide gateway.</summary>
    public static readonly QuantLibVanillaOptionPricer Default = new(() => QuantLibGateway.Instance);

    private readonly Func<QuantLibGateway> _gateway;

    private QuantLibVanillaOptionPricer(Func<QuantLibGateway> gateway)
    {
        _gateway = gateway;
    }

    /// <summary>True when QuantLib can be called in this process.</summary>
    public bool IsAvailable => _gateway().IsAvailable;

    /// <summary>Why QuantLib cannot be called (as in <see cref="QuantLibUnavailableException.Reason"/>), or <see langword="null"/>.</summary>
    public string? UnavailableReason => _gateway().UnavailableReason;

    /// <summary>The QuantLib version of the binding (e.g. "1.29"), or <see langword="null"/> when unavailable.</summary>
    public string? QuantLibVersion => _gateway().Version;

    /// <summary>
    /// Price and Greeks of a European or American vanilla option under generalised Black-Scholes-Merton with
    /// cost of carry b (QuantLib's <c>BlackScholesMertonProcess</c> with dividend yield q = r − b).
    /// </summary>
    /// <param name="inputs">Right, spot, strike, tenor (years, Act/365F; beyond 100 years priced on a 100-year model maturity with rescaled r, q and σ), volatility, rate, carry and
    /// carry convention, as for <see cref="BlackVanillaOptionPricer"/>; Black-76 inputs (b = 0) work unchanged.</param>
    /// <param name="exercise">European or American exercise.</param>
    /// <param name="engine">The QuantLib engine. <see cref="QuantLibEngine.QuantLibAnalytic"/> prices European
    /// exercise only, <see cref="QuantLibEngine.QuantLibBaw"/> and <see cref="QuantLibEngine.QuantLibBjerksundStensland"/>
    /// American only, the finite-difference and binomial engines both.</param>
    /// <param name="valuationDate">QuantLib's evaluation date for the call (e.g. the UTC date of the valuation
    /// instant); the result does not depend on it. Default 2020-01-02. Years 1901-2099.</param>
    /// <returns>Price, forward, discount factor and Greeks (vega per 1.00 vol, theta and charm per year, rho per 1.00
    /// rate with q fixed, carry rho ∂V/∂b), plus which Greeks were bumped because the engine does not provide them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The engine does not price <paramref name="exercise"/>, an enum value is
    /// undefined, or the tenor or date is out of range.</exception>
    /// <exception cref="QuantLibUnavailableException">QuantLib cannot be used in this process (HTTP 503).</exception>
    /// <exception cref="QuantLibException">QuantLib rejected the inputs.</exception>
    /// <param name="fdGrid"><see cref="QuantLibEngine.QuantLibFd"/> only: the grid; <see langword="null"/> chooses it from the
    /// tenor (<see cref="QuantLibFdGrid.For"/>, with Richardson extrapolation in time for American exercise).</param>
    public QuantLibVanillaOptionResult Price(
        BlackVanillaOptionInputs inputs,
        QuantLibExerciseStyle exercise,
        QuantLibEngine engine,
        DateOnly? valuationDate = null,
        QuantLibFdGrid? fdGrid = null) =>
        _gateway().Price(inputs, exercise, engine, valuationDate ?? QuantLibGateway.DefaultValuationDate, fdGrid);

    /// <summary>
    /// The same for an engine chosen by its registry member (<see cref="EngineRegistry"/>): the one place a
    /// <see cref="PricingEngine"/> and an <see cref="OptionExerciseStyle"/> become QuantLib's own enums.
    /// </summary>
    /// <param name="inputs">As for <see cref="Price(BlackVanillaOptionInputs, QuantLibExerciseStyle, QuantLibEngine, DateOnly?, QuantLibFdGrid?)"/>.</param>
    /// <param name="style">European or American exercise.</param>
    /// <param name="engine">A <c>quantlib-*</c> engine (<see cref="EngineCapabilities.RequiresQuantLib"/>).</param>
    /// <param name="valuationDate">QuantLib's evaluation date; the result does not depend on it.</param>
    /// <returns>Price, forward, discount factor, Greeks and the bumped Greeks.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="engine"/> is not a QuantLib engine or does not
    /// price <paramref name="style"/>.</exception>
    /// <exception cref="QuantLibUnavailableException">QuantLib cannot be used in this process (HTTP 503).</exception>
    /// <exception cref="QuantLibException">QuantLib rejected the inputs.</exception>
    /// <param name="fdGrid"><c>quantlib-fd</c> only: the grid, or <see langword="null"/> to choose it from the tenor.</param>
    public QuantLibVanillaOptionResult Price(
        BlackVanillaOptionInputs inputs,
        OptionExerciseStyle style,
        PricingEngine engine,
        DateOnly? valuationDate = null,
        QuantLibFdGrid? fdGrid = null) =>
        Price(inputs, ExerciseOf(style), EngineOf(engine), valuationDate, fdGrid);

    /// <summary>
    /// QuantLib's implied Black volatility of a vanilla option price (<c>VanillaOption::impliedVolatility</c>:
    /// Brent's method to 1e-12 in volatility over [1e-4, 10]; the analytic engine for European exercise, QuantLib's
    /// finite-difference engine for American).
    /// </summary>
    /// <param name="right">Call or put.</param>
    /// <param name="spot">Spot S, &gt; 0, quote currency.</param>
    /// <param name="strike">Strike K, &gt; 0, quote currency.</param>
    /// <param name="tenorYears">Tenor T in years (Act/365F), in (0, 100].</param>
    /// <param name="rate">Risk-free rate r, continuously compounded annualised decimal.</param>
    /// <param name="costOfCarry">Cost of carry b = r − q, continuously compounded annualised decimal.</param>
    /// <param name="optionPrice">The option price to match, &gt; 0, quote currency per unit of underlying.</param>
    /// <param name="exercise">European or American exercise.</param>
    /// <param name="valuationDate">QuantLib's evaluation date (the result does not depend on it); default 2020-01-02.</param>
    /// <returns>The volatility (annualised decimal), or a no-solution result with QuantLib's reason when no volatility
    /// in the range reproduces the price.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is not finite or out of range.</exception>
    /// <exception cref="QuantLibUnavailableException">QuantLib cannot be used in this process (HTTP 503).</exception>
    public QuantLibImpliedVolatilityResult ImpliedVolatility(
        OptionRight right,
        double spot,
        double strike,
        double tenorYears,
        double rate,
        double costOfCarry,
        double optionPrice,
        QuantLibExerciseStyle exercise = QuantLibExerciseStyle.European,
        DateOnly? valuationDate = null) =>
        _gateway().ImpliedVolatility(
            right, spot, strike, tenorYears, rate, costOfCarry, optionPrice, exercise, valuationDate ?? QuantLibGateway.DefaultValuationDate);

    private static QuantLibExerciseStyle ExerciseOf(OptionExerciseStyle style) => Guard.Defined(style, nameof(style)) switch
    {
        OptionExerciseStyle.American => QuantLibExerciseStyle.American,
        _ => QuantLibExerciseStyle.European,
    };

    private static QuantLibEngine EngineOf(PricingEngine engine) => engine switch
    {
        PricingEngine.QuantLibAnalytic => QuantLibEngine.QuantLibAnalytic,
        PricingEngine.QuantLibBaw => QuantLibEngine.QuantLibBaw,
        PricingEngine.QuantLibBjerksundStensland => QuantLibEngine.QuantLibBjerksundStensland,
        PricingEngine.QuantLibFd => QuantLibEngine.QuantLibFd,
        PricingEngine.QuantLibBinomial => QuantLibEngine.QuantLibBinomial,
        PricingEngine.QuantLibQdFp => QuantLibEngine.QuantLibQdFp,
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "Not a QuantLib engine."),
    };

    /// <summary>A pricer whose gateway reports QuantLib unavailable for <paramref name="reason"/> (tests of the 503 path).</summary>
    internal static QuantLibVanillaOptionPricer Unavailable(string reason)
    {
        var unavailable = QuantLibGateway.CreateUnavailable(reason);
        return new QuantLibVanillaOptionPricer(() => unavailable);
    }
}
