using System.Collections.Concurrent;
using Analytics.Pricing.Black;

namespace Analytics.Pricing.QuantLib;

/// <summary>
/// The one door to QuantLib (STYLE.md "QuantLib"). Every QuantLib call of the process goes through here.
/// </summary>
/// <remarks>
/// <para><b>Thread safety.</b> Debian's QuantLib 1.29 is built without sessions and without the thread-safe
/// observer pattern, and its evaluation date is process-global. The gateway is therefore safe to call from
/// any number of threads because it serialises everything: one process-wide lock is held while the SWIG
/// objects of a call are built, the evaluation date is set, prices and bumped prices are computed, plain
/// <see langword="double"/>s are extracted and every SWIG object is disposed. Nothing is awaited inside the
/// lock and no SWIG type crosses the gateway's signatures (they take and return our own records).</para>
/// <para><b>Native lifetimes.</b> A SWIG proxy that is not disposed would be deleted by the .NET finalizer
/// thread, concurrently with pricing, which crashes the process. The binding's <c>csdisposing</c> typemaps
/// (NQuantLib.i) therefore never delete directly: they call <see cref="ReleaseNative"/>, which deletes at
/// once on a thread that holds the gateway lock and otherwise queues the pointer; the queue is drained
/// under the lock at the start of the next call.</para>
/// <para><b>Availability.</b> Without the binding (built without swig or QuantLib headers, or the native
/// library failing to load) every entry point throws <see cref="QuantLibUnavailableException"/>.</para>
/// <para>Cost (measured, 2 vCPU, Release): about 25 µs per analytic price with all Greeks, 25-30 µs for the
/// approximations, 18 µs per implied vol (object graph built and disposed per call, Greeks QuantLib lacks bumped on it), about 15 ms for
/// the binomial engine; the finite-difference engine on its tenor-dependent grid with Richardson extrapolation takes
/// about 45 ms per American NPV (16 options, 0.1–10 years, QdFpAmericanBenchmarks) and ten times that with the bumped
/// Greeks; QdFpAmericanEngine with its high-precision scheme about 110 ms per NPV (same benchmark); the lock makes QuantLib single-threaded, so our own C# engines
/// remain the fast default.</para>
/// </remarks>
internal sealed partial class QuantLibGateway
{
    /// <summary>File name of the native wrapper, found next to the application's assemblies.</summary>
    internal const string NativeLibraryFileName = "libNQuantLibc.so";

    /// <summary>The evaluation date used when the caller gives none (results do not depend on it).</summary>
    internal static readonly DateOnly DefaultValuationDate = new(2020, 1, 2);

    /// <summary>The lock serialising every QuantLib call in the process (QuantLib's state is global).</summary>
    private static readonly Lock Gate = new();

    /// <summary>Native objects released off the lock (finalizer thread, stray Dispose), deleted at the next call.</summary>
    private static readonly ConcurrentQueue<(IntPtr Handle, Action<IntPtr> Delete)> PendingReleases = new();

    private static long _deferredDeletes;

    private static readonly Lazy<QuantLibGateway> LazyInstance =
        new(() => new QuantLibGateway(ProbeAvailability()), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string? _unavailableReason;

    private QuantLibGateway((string? Version, string? UnavailableReason) availability)
    {
        Version = availability.Version;
        _unavailableReason = availability.UnavailableReason;
    }

    /// <summary>The process-wide gateway (QuantLib's state is process-wide too).</summary>
    internal static QuantLibGateway Instance => LazyInstance.Value;

    /// <summary>True when the binding was built and its native library loaded.</summary>
    internal bool IsAvailable => _unavailableReason is null;

    /// <summary>Why QuantLib cannot be used, or <see langword="null"/> when it can.</summary>
    internal string? UnavailableReason => _unavailableReason;

    /// <summary>QuantLib's version (e.g. "1.29") when available, else <see langword="null"/>.</summary>
    internal string? Version { get; }

    /// <summary>Native objects handed over off the lock and not yet deleted.</summary>
    internal static int PendingReleaseCount => PendingReleases.Count;

    /// <summary>Native objects deleted from the deferred queue since the process started.</summary>
    internal static long DeferredDeleteCount => Interlocked.Read(ref _deferredDeletes);

    /// <summary>A gateway that reports QuantLib unavailable for <paramref name="reason"/> (tests of the 503 path).</summary>
    internal static QuantLibGateway CreateUnavailable(string reason) => new((null, reason));

    /// <summary>
    /// Called by the generated proxies' <c>Dispose(bool)</c> instead of deleting the native object: deletes
    /// now when the calling thread holds the gateway lock, otherwise queues the deletion for the next call.
    /// </summary>
    /// <param name="handle">The native pointer the proxy owned.</param>
    /// <param name="delete">The binding's delete function for that proxy type.</param>
    internal static void ReleaseNative(IntPtr handle, Action<IntPtr> delete)
    {
        if (handle == IntPtr.Zero)
        {
            return;
        }

        if (Gate.IsHeldByCurrentThread)
        {
            delete(handle);
        }
        else
        {
            PendingReleases.Enqueue((handle, delete));
        }
    }

    /// <summary>
    /// Prices a vanilla option with a QuantLib engine; Greeks the engine lacks are bumped under the lock.
    /// </summary>
    /// <param name="inputs">Option and flat market inputs (tenor in years, Act/365F).</param>
    /// <param name="exercise">European or American.</param>
    /// <param name="engine">The QuantLib engine.</param>
    /// <param name="valuationDate">QuantLib's evaluation date for this call (the result does not depend on it).</param>
    /// <returns>The price and Greeks in our conventions.</returns>
    /// <exception cref="QuantLibUnavailableException">QuantLib cannot be used in this process.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The engine does not price this exercise style, or the tenor
    /// or date is out of QuantLib's range.</exception>
    /// <exception cref="QuantLibException">QuantLib rejected the inputs.</exception>
    /// <param name="fdGrid"><see cref="QuantLibEngine.QuantLibFd"/>: the grid, or <see langword="null"/> for
    /// <see cref="QuantLibFdGrid.For"/>; ignored by the other engines.</param>
    internal QuantLibVanillaOptionResult Price(
        BlackVanillaOptionInputs inputs, QuantLibExerciseStyle exercise, QuantLibEngine engine, DateOnly valuationDate,
        QuantLibFdGrid? fdGrid = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        Guard.Defined(exercise, nameof(exercise));
        Guard.Defined(engine, nameof(engine));
        RequireSupported(engine, exercise);
        RequireDateInRange(valuationDate);
        var scaling = QuantLibTenorScaling.Create(inputs.TenorYears);
        string version = RequireAvailable();
        return PriceCore(inputs, exercise, engine, valuationDate, scaling, version, fdGrid);
    }

    /// <summary>
    /// QuantLib's implied volatility (<c>VanillaOption::impliedVolatility</c>, Brent's method) for a price.
    /// </summary>
    /// <param name="right">Call or put.</param>
    /// <param name="spot">Spot S, &gt; 0.</param>
    /// <param name="strike">Strike K, &gt; 0.</param>
    /// <param name="tenorYears">Tenor T in years, in (0, 100].</param>
    /// <param name="rate">Risk-free rate r, continuously compounded.</param>
    /// <param name="costOfCarry">Cost of carry b = r − q.</param>
    /// <param name="optionPrice">The price to match, &gt; 0.</param>
    /// <param name="exercise">European (analytic engine) or American (QuantLib's finite-difference engine).</param>
    /// <param name="valuationDate">QuantLib's evaluation date for this call.</param>
    /// <returns>The volatility, or a no-solution result with QuantLib's reason.</returns>
    internal QuantLibImpliedVolatilityResult ImpliedVolatility(
        OptionRight right, double spot, double strike, double tenorYears, double rate, double costOfCarry,
        double optionPrice, QuantLibExerciseStyle exercise, DateOnly valuationDate)
    {
        Guard.Defined(right, nameof(right));
        Guard.PositiveFinite(spot, nameof(spot));
        Guard.PositiveFinite(strike, nameof(strike));
        Guard.Finite(rate, nameof(rate));
        Guard.Finite(costOfCarry, nameof(costOfCarry));
        Guard.PositiveFinite(optionPrice, nameof(optionPrice));
        Guard.Defined(exercise, nameof(exercise));
        RequireDateInRange(valuationDate);
        var scaling = QuantLibTenorScaling.Create(tenorYears);
        RequireAvailable();
        return ImpliedVolatilityCore(right, spot, strike, tenorYears, rate, costOfCarry, optionPrice, exercise, valuationDate, scaling);
    }

    /// <summary>
    /// Prices a European option on interpolated curves and a vol surface (QuantLib's <c>ZeroCurve</c>,
    /// <c>BlackVarianceSurface</c>, <c>TARGET</c> calendar and a relinkable spot handle).
    /// </summary>
    /// <param name="scenario">Curves, surface and contract.</param>
    /// <returns>Price, delta and vega as QuantLib reports them (vega per 1.00 of vol).</returns>
    internal (double Price, double Delta, double Vega) PriceEuropeanOnTermStructures(QuantLibTermStructureScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        RequireDateInRange(scenario.ValuationDate);
        RequireDateInRange(scenario.ExpiryDate);
        RequireAvailable();
        return PriceOnTermStructuresCore(scenario);
    }

    /// <summary>
    /// QuantLib's best case, for the benchmark of issue #4: European options that share one right, strike and tenor,
    /// priced with <c>AnalyticEuropeanEngine</c> on ONE object graph whose quotes (spot, r, q, σ) change per option,
    /// so no SWIG object is built per option. Prices in our conventions (exact tenor, see <see cref="QuantLibTenorScaling"/>).
    /// </summary>
    /// <param name="right">Call or put, shared.</param>
    /// <param name="strike">Strike K, shared, &gt; 0.</param>
    /// <param name="tenorYears">Tenor T in years, shared, in (0, 100].</param>
    /// <param name="spots">Spot per option.</param>
    /// <param name="vols">Lognormal vol per option.</param>
    /// <param name="rates">Risk-free rate r per option, continuously compounded.</param>
    /// <param name="carries">Cost of carry b per option.</param>
    /// <param name="prices">Receives the price per option.</param>
    internal void PriceEuropeanSharingContract(
        OptionRight right, double strike, double tenorYears,
        ReadOnlySpan<double> spots, ReadOnlySpan<double> vols, ReadOnlySpan<double> rates, ReadOnlySpan<double> carries, Span<double> prices)
    {
        Guard.Defined(right, nameof(right));
        Guard.PositiveFinite(strike, nameof(strike));
        if (vols.Length != spots.Length || rates.Length != spots.Length || carries.Length != spots.Length || prices.Length != spots.Length)
            throw new ArgumentException("All spans must have the same length.", nameof(prices));
        var scaling = QuantLibTenorScaling.Create(tenorYears);
        RequireAvailable();
        PriceEuropeanSharingContractCore(right, strike, tenorYears, scaling, spots, vols, rates, carries, prices);
    }

    /// <summary>
    /// An American option's price from QuantLib's <c>FdBlackScholesVanillaEngine</c> on a chosen grid: a finer reference
    /// than the service's 200 × 200 engine, for validating our convergent engine to 1e-4 (issue #4).
    /// </summary>
    /// <param name="inputs">The option and market.</param>
    /// <param name="timeSteps">Time steps of the FD grid.</param>
    /// <param name="spacePoints">Space points of the FD grid.</param>
    /// <param name="extrapolate">Also price at half the time steps and return 2V_N − V_{N/2}, as <c>quantlib-fd</c> does.</param>
    internal double PriceAmericanFdOnGrid(BlackVanillaOptionInputs inputs, int timeSteps, int spacePoints, bool extrapolate = false)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfLessThan(timeSteps, 10);
        ArgumentOutOfRangeException.ThrowIfLessThan(spacePoints, 10);
        var scaling = QuantLibTenorScaling.Create(inputs.TenorYears);
        RequireAvailable();
        return PriceAmericanFdOnGridCore(inputs, scaling, timeSteps, spacePoints, extrapolate);
    }

    /// <summary>
    /// An American option's price from QuantLib's <c>QdFpAmericanEngine</c> with a tanh-sinh scheme
    /// (<c>QdFpTanhSinhIterationScheme(m, n, eps)</c>; QuantLib 1.29's <c>highPrecisionScheme()</c> is (10, 30, 1e-10)):
    /// the reference of the <c>qd-fp</c> cross-checks and benchmarks.
    /// </summary>
    /// <param name="inputs">The option and market.</param>
    /// <param name="fixedPointSteps">m.</param>
    /// <param name="chebyshevNodes">n.</param>
    /// <param name="tolerance">tanh-sinh tolerance eps.</param>
    internal double PriceAmericanQdFp(BlackVanillaOptionInputs inputs, int fixedPointSteps, int chebyshevNodes, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfLessThan(fixedPointSteps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(chebyshevNodes, 1);
        var scaling = QuantLibTenorScaling.Create(inputs.TenorYears);
        RequireAvailable();
        return PriceAmericanQdFpCore(inputs, scaling, fixedPointSteps, chebyshevNodes, tolerance);
    }

    /// <summary>Creates <paramref name="count"/> proxies under the lock and drops them undisposed (tests of the finalizer path).</summary>
    internal void LeakProxiesForTesting(int count)
    {
        RequireAvailable();
        LeakProxiesCore(count);
    }

    private static void RequireSupported(QuantLibEngine engine, QuantLibExerciseStyle exercise)
    {
        bool supported = engine switch
        {
            QuantLibEngine.QuantLibAnalytic => exercise == QuantLibExerciseStyle.European,
            QuantLibEngine.QuantLibBaw or QuantLibEngine.QuantLibBjerksundStensland or QuantLibEngine.QuantLibQdFp =>
                exercise == QuantLibExerciseStyle.American,
            _ => true,
        };
        if (!supported)
        {
            throw new ArgumentOutOfRangeException(
                nameof(exercise), exercise, $"The QuantLib engine {engine} does not price {exercise} exercise.");
        }
    }

    private static void RequireDateInRange(DateOnly date)
    {
        if (date.Year < 1901 || date.Year > 2099)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, "QuantLib dates must lie in 1901-2099 here.");
        }
    }

    private string RequireAvailable() =>
        _unavailableReason is null && Version is not null ? Version : throw new QuantLibUnavailableException(_unavailableReason ?? "unknown reason");

    /// <summary>Deletes the natives queued off the lock. Call only while holding <see cref="Gate"/>.</summary>
    private static void DrainPendingReleases()
    {
        while (PendingReleases.TryDequeue(out var pending))
        {
            pending.Delete(pending.Handle);
            Interlocked.Increment(ref _deferredDeletes);
        }
    }

    private static (string? Version, string? UnavailableReason) ProbeAvailability()
    {
#if QUANTLIB_BINDINGS
        try
        {
            lock (Gate)
            {
                return (ProbeNativeVersion(), null);
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException
                                       or BadImageFormatException or System.Runtime.InteropServices.MarshalDirectiveException)
        {
            var cause = ex.GetBaseException();
            string firstLine = cause.Message.Split('\n', 2)[0].Trim();
            return (null, $"the native library {NativeLibraryFileName} failed to load ({cause.GetType().Name}: {firstLine}); " +
                          "it is built into src/Pricing/obj/quantlib/ and copied next to the assemblies");
        }
#else
        return (null, "Analytics.Pricing was built without the QuantLib bindings (swig, g++ or the QuantLib headers were " +
                      "missing at build time, or QuantLibBindingsEnabled=false); install libquantlib0-dev and swig and rebuild");
#endif
    }
}
