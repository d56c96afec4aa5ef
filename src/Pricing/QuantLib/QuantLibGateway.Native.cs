#if QUANTLIB_BINDINGS
using System.Collections.Concurrent;
using Analytics.Pricing.Black;
using Analytics.Pricing.QuantLib.Native;

namespace Analytics.Pricing.QuantLib;

/// <summary>
/// The gateway's QuantLib side (compiled only with the binding, QUANTLIB_BINDINGS). Every method here runs
/// with <see cref="Gate"/> held and disposes every SWIG object it creates before returning.
/// </summary>
internal sealed partial class QuantLibGateway
{
    /// <summary>Implicit damping steps of <see cref="QuantLibEngine.QuantLibFd"/> (smooth Greeks at the kink).</summary>
    internal const int FdDampingSteps = 2;

    /// <summary>Steps of <see cref="QuantLibEngine.QuantLibBinomial"/> (odd, as Leisen-Reimer requires).</summary>
    internal const int BinomialSteps = 401;

    private const double ImpliedVolAccuracy = 1e-12;

    /// <summary>
    /// Enters <see cref="Gate"/>, recording how long it waited (<see cref="QuantLibMetrics.LockWait"/>), and releases the
    /// SWIG objects other threads disposed meanwhile; the scope's disposal leaves the gate.
    /// </summary>
    private static Lock.Scope EnterGate()
    {
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        var scope = Gate.EnterScope();
        QuantLibMetrics.LockWait.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        try
        {
            DrainPendingReleases();
        }
        catch
        {
            scope.Dispose();
            throw;
        }

        return scope;
    }
    private const int ImpliedVolMaxEvaluations = 500;
    private const double ImpliedVolMinimum = 1e-4;
    private const double ImpliedVolMaximum = 10.0;

    /// <summary>
    /// Which Greeks each (engine, exercise, right, European short-cut) provides, learnt once by asking QuantLib. The
    /// short-cut is part of the key because QuantLib 1.29's American approximations (Barone-Adesi-Whaley,
    /// Bjerksund-Stensland) price a call with q ≤ 0 (a put with r ≤ 0) with <c>AnalyticEuropeanEngine</c>, whose results
    /// include Greeks the approximation itself does not give: learnt on one side, the set was wrong on the other
    /// ("delta not provided").
    /// </summary>
    private static readonly ConcurrentDictionary<(QuantLibEngine, QuantLibExerciseStyle, OptionRight, bool), QuantLibGreeks> ProvidedByEngine = new();

    /// <summary>Where QuantLib's approximations fall back to the Black formula with its Greeks: q ≤ 0 for a call
    /// (<c>dividendDiscount &gt;= 1.0</c> in QuantLib 1.29's <c>baroneadesiwhaleyengine.cpp</c> and
    /// <c>bjerksundstenslandengine.cpp</c>), r ≤ 0 for a put (Bjerksund-Stensland after its put-call swap of the
    /// discounts); q = r − b as <see cref="VanillaOptionGraph"/> sets it, and the tenor scaling keeps signs.</summary>
    private static bool EuropeanShortCut(BlackVanillaOptionInputs inputs) =>
        inputs.Right == OptionRight.Call ? inputs.Rate - inputs.CostOfCarry <= 0.0 : inputs.Rate <= 0.0;

    /// <summary>Early exercise is never optimal: a put with r ≤ 0 and q ≥ r (exercising earns rK − qS &lt; 0 per unit time
    /// wherever the put is in the money), a call with q ≤ 0 and r ≥ q (Andersen and Lake 2021, Table 2); q = r − b.</summary>
    internal static bool EarlyExerciseWorthless(BlackVanillaOptionInputs inputs)
    {
        double dividendYield = inputs.Rate - inputs.CostOfCarry;
        return inputs.Right == OptionRight.Put
            ? inputs.Rate <= 0.0 && dividendYield >= inputs.Rate
            : dividendYield <= 0.0 && inputs.Rate >= dividendYield;
    }

    private static string ProbeNativeVersion() => NQuantLib.quantLibVersion();

    private QuantLibVanillaOptionResult PriceCore(
        BlackVanillaOptionInputs inputs, QuantLibExerciseStyle exercise, QuantLibEngine engine, DateOnly valuationDate,
        QuantLibTenorScaling scaling, string version, QuantLibFdGrid? fdGrid)
    {
        bool europeanShortCut = engine == QuantLibEngine.QuantLibBaw && EarlyExerciseWorthless(inputs);
        if (europeanShortCut)
        {
            // QuantLib 1.29's BAW fails for a put at r ≤ 0; early exercise is worth nothing there, so the value is European.
            (engine, exercise) = (QuantLibEngine.QuantLibAnalytic, QuantLibExerciseStyle.European);
        }

        var grid = engine == QuantLibEngine.QuantLibFd ? fdGrid ?? QuantLibFdGrid.For(inputs.TenorYears) : (QuantLibFdGrid?)null;
        bool extrapolate = grid is not null && exercise == QuantLibExerciseStyle.American;
        using (EnterGate())
        {
            try
            {
                using var graph = new VanillaOptionGraph(valuationDate, scaling, inputs.Right, inputs.Strike, exercise, engine, grid, extrapolate);
                var provided = ProvidedByEngine.GetOrAdd(
                    (engine, exercise, inputs.Right, EuropeanShortCut(inputs)), _ => graph.ProbeProvidedGreeks(inputs));
                var (price, greeks) = QuantLibBumpedGreeks.Compute(graph, inputs, provided, QuantLibBumpSizes.For(engine), out var bumped);
                return new QuantLibVanillaOptionResult(
                    price,
                    inputs.Spot * Math.Exp(inputs.CostOfCarry * inputs.TenorYears),
                    Math.Exp(-inputs.Rate * inputs.TenorYears),
                    greeks,
                    bumped,
                    europeanShortCut ? QuantLibEngine.QuantLibBaw : engine,
                    version,
                    europeanShortCut);
            }
            catch (ApplicationException ex)
            {
                throw new QuantLibException(ex.Message, ex);
            }
        }
    }

    private QuantLibImpliedVolatilityResult ImpliedVolatilityCore(
        OptionRight right, double spot, double strike, double tenorYears, double rate, double costOfCarry,
        double optionPrice, QuantLibExerciseStyle exercise, DateOnly valuationDate, QuantLibTenorScaling scaling)
    {
        using (EnterGate())
        {
            try
            {
                using var graph = new VanillaOptionGraph(valuationDate, scaling, right, strike, exercise, engine: null);
                double ratio = scaling.Ratio(tenorYears);
                double sqrtRatio = Math.Sqrt(ratio);
                graph.SetMarket(new Point(spot, tenorYears, 0.2, rate, costOfCarry));
                double modelVol = graph.ImpliedVolatility(
                    optionPrice,
                    ImpliedVolAccuracy * sqrtRatio,
                    ImpliedVolMaxEvaluations,
                    ImpliedVolMinimum * sqrtRatio,
                    ImpliedVolMaximum * sqrtRatio);
                return new QuantLibImpliedVolatilityResult(QuantLibImpliedVolatilityStatus.Solved, modelVol / sqrtRatio, null);
            }
            catch (ApplicationException ex)
            {
                return new QuantLibImpliedVolatilityResult(QuantLibImpliedVolatilityStatus.NoSolution, double.NaN, ex.Message);
            }
        }
    }

    private (double Price, double Delta, double Vega) PriceOnTermStructuresCore(QuantLibTermStructureScenario s)
    {
        using (EnterGate())
        {
            try
            {
                using var today = ToQuantLib(s.ValuationDate);
                NQuantLib.setEvaluationDate(today);
                using var expiry = ToQuantLib(s.ExpiryDate);
                using var dayCounter = new Actual365Fixed();
                using var calendar = new TARGET();

                using var curveDates = ToDateVector(s.CurveDates);
                using var riskFreeRates = new DoubleVector(s.RiskFreeZeroRates);
                using var dividendRates = new DoubleVector(s.DividendZeroRates);
                using var riskFreeCurve = new ZeroCurve(curveDates, riskFreeRates, dayCounter);
                using var dividendCurve = new ZeroCurve(curveDates, dividendRates, dayCounter);
                using var riskFreeHandle = new YieldTermStructureHandle(riskFreeCurve);
                using var dividendHandle = new YieldTermStructureHandle(dividendCurve);

                using var volDates = ToDateVector(s.VolDates);
                using var volStrikes = new DoubleVector(s.VolStrikes);
                using var volMatrix = new Matrix((uint)s.Vols.GetLength(0), (uint)s.Vols.GetLength(1), 0.0);
                for (int i = 0; i < s.Vols.GetLength(0); i++)
                {
                    for (int j = 0; j < s.Vols.GetLength(1); j++)
                    {
                        volMatrix.set((uint)i, (uint)j, s.Vols[i, j]);
                    }
                }

                using var surface = new BlackVarianceSurface(today, calendar, volDates, volStrikes, volMatrix, dayCounter);
                using var volHandle = new BlackVolTermStructureHandle(surface);

                // The spot handle starts on a placeholder and is relinked, as a live market feed would be.
                using var placeholder = new SimpleQuote(1.0);
                using var spotQuote = new SimpleQuote(s.Spot);
                using var spotHandle = new RelinkableQuoteHandle(placeholder);
                spotHandle.linkTo(spotQuote);

                using var process = new BlackScholesMertonProcess(spotHandle, dividendHandle, riskFreeHandle, volHandle);
                using var payoff = new PlainVanillaPayoff(ToOptionType(s.Right), s.Strike);
                using var exercise = new EuropeanExercise(expiry);
                using var option = new VanillaOption(payoff, exercise);
                using var engine = new AnalyticEuropeanEngine(process);
                option.setPricingEngine(engine);
                return (option.NPV(), option.delta(), option.vega());
            }
            catch (ApplicationException ex)
            {
                throw new QuantLibException(ex.Message, ex);
            }
        }
    }

    private void PriceEuropeanSharingContractCore(
        OptionRight right, double strike, double tenorYears, QuantLibTenorScaling scaling,
        ReadOnlySpan<double> spots, ReadOnlySpan<double> vols, ReadOnlySpan<double> rates, ReadOnlySpan<double> carries, Span<double> prices)
    {
        using (EnterGate())
        {
            try
            {
                using var graph = new VanillaOptionGraph(
                    DefaultValuationDate, scaling, right, strike, QuantLibExerciseStyle.European, QuantLibEngine.QuantLibAnalytic);
                for (int i = 0; i < spots.Length; i++)
                {
                    prices[i] = graph.Evaluate(new Point(spots[i], tenorYears, vols[i], rates[i], carries[i]), QuantLibGreeks.None).Npv;
                }
            }
            catch (ApplicationException ex)
            {
                throw new QuantLibException(ex.Message, ex);
            }
        }
    }

    private double PriceAmericanFdOnGridCore(BlackVanillaOptionInputs inputs, QuantLibTenorScaling scaling, int timeSteps, int spacePoints, bool extrapolate)
    {
        using (EnterGate())
        {
            try
            {
                using var graph = new VanillaOptionGraph(DefaultValuationDate, scaling, inputs.Right, inputs.Strike,
                    QuantLibExerciseStyle.American, QuantLibEngine.QuantLibFd, new QuantLibFdGrid(timeSteps, spacePoints), extrapolate);
                return graph.Evaluate(Point.Of(inputs), QuantLibGreeks.None).Npv;
            }
            catch (ApplicationException ex)
            {
                throw new QuantLibException(ex.Message, ex);
            }
        }
    }

    private double PriceAmericanQdFpCore(BlackVanillaOptionInputs inputs, QuantLibTenorScaling scaling, int fixedPointSteps, int chebyshevNodes, double tolerance)
    {
        using (EnterGate())
        {
            try
            {
                using var graph = new VanillaOptionGraph(DefaultValuationDate, scaling, inputs.Right, inputs.Strike,
                    QuantLibExerciseStyle.American, QuantLibEngine.QuantLibQdFp, qdFpScheme: (fixedPointSteps, chebyshevNodes, tolerance));
                return graph.Evaluate(Point.Of(inputs), QuantLibGreeks.None).Npv;
            }
            catch (ApplicationException ex)
            {
                throw new QuantLibException(ex.Message, ex);
            }
        }
    }

    private void LeakProxiesCore(int count)
    {
        using (EnterGate())
        {
            for (int i = 0; i < count; i++)
            {
                // Deliberately not disposed: the finalizer must hand these to ReleaseNative.
                var quote = new SimpleQuote(i);
                _ = new QuoteHandle(quote);
                _ = ToQuantLib(DefaultValuationDate);
            }
        }
    }

    private static global::Analytics.Pricing.QuantLib.Native.Date ToQuantLib(DateOnly date) =>
        new(date.Day, (Month)date.Month, date.Year);

    private static DateVector ToDateVector(IReadOnlyList<DateOnly> dates)
    {
        var vector = new DateVector();
        foreach (var date in dates)
        {
            using var qlDate = ToQuantLib(date);
            vector.Add(qlDate);
        }

        return vector;
    }

    private static Option.Type ToOptionType(OptionRight right) => right == OptionRight.Call ? Option.Type.Call : Option.Type.Put;

    /// <summary>A market point in our terms: the true tenor, rate r, carry b (q = r − b) and σ.</summary>
    internal readonly record struct Point(double Spot, double TenorYears, double Volatility, double Rate, double Carry)
    {
        internal static Point Of(BlackVanillaOptionInputs inputs) =>
            new(inputs.Spot, inputs.TenorYears, inputs.Volatility, inputs.Rate, inputs.CostOfCarry);
    }

    /// <summary>QuantLib's results at one point, converted to the true tenor (NaN where not requested or not provided).</summary>
    internal readonly record struct Evaluation(
        double Npv, double Delta, double Gamma, double Vega, double Theta, double Rho, double DividendRho);

    /// <summary>
    /// One call's QuantLib object graph: flat curves and vol on SimpleQuotes (so bumps are quote updates),
    /// the BSM process, the option and its engine, at a whole-day maturity (see <see cref="QuantLibTenorScaling"/>).
    /// Built and disposed under the gateway lock; disposes in reverse order of creation.
    /// </summary>
    internal sealed class VanillaOptionGraph : IDisposable
    {
        private readonly Stack<IDisposable> _owned = new();
        private readonly QuantLibTenorScaling _scaling;
        private readonly SimpleQuote _spot;
        private readonly SimpleQuote _rate;
        private readonly SimpleQuote _dividendYield;
        private readonly SimpleQuote _volatility;
        private readonly BlackScholesMertonProcess _process;
        private readonly VanillaOption _option;
        private readonly PricingEngine? _engine;
        private readonly PricingEngine? _coarseEngine;

        /// <param name="valuationDate">QuantLib's evaluation date.</param>
        /// <param name="scaling">Whole-day maturity and rescaling.</param>
        /// <param name="right">Call or put.</param>
        /// <param name="strike">Strike.</param>
        /// <param name="exercise">European or American.</param>
        /// <param name="engine">The engine, or none (implied vol only).</param>
        /// <param name="fdGrid">The finite-difference grid (<see cref="QuantLibEngine.QuantLibFd"/> only; its 200 × 200 without).</param>
        /// <param name="extrapolate">Finite differences: also price at half the time steps and return 2V_N − V_{N/2}.</param>
        /// <param name="qdFpScheme">QdFp: a tanh-sinh scheme (m, n, eps) instead of QuantLib's accurate scheme.</param>
        internal VanillaOptionGraph(
            DateOnly valuationDate, QuantLibTenorScaling scaling, OptionRight right, double strike,
            QuantLibExerciseStyle exercise, QuantLibEngine? engine, QuantLibFdGrid? fdGrid = null, bool extrapolate = false,
            (int Steps, int Nodes, double Tolerance)? qdFpScheme = null)
        {
            _scaling = scaling;
            try
            {
                var today = Own(ToQuantLib(valuationDate));
                NQuantLib.setEvaluationDate(today);
                var maturity = Own(today.plusDays(scaling.Days));
                var dayCounter = Own(new Actual365Fixed());
                var calendar = Own(new NullCalendar());

                _spot = Own(new SimpleQuote(1.0));
                _rate = Own(new SimpleQuote(0.0));
                _dividendYield = Own(new SimpleQuote(0.0));
                _volatility = Own(new SimpleQuote(0.2));
                var spotHandle = Own(new QuoteHandle(_spot));
                var rateHandle = Own(new QuoteHandle(_rate));
                var dividendHandle = Own(new QuoteHandle(_dividendYield));
                var volatilityHandle = Own(new QuoteHandle(_volatility));

                var riskFreeCurve = Own(new FlatForward(today, rateHandle, dayCounter));
                var dividendCurve = Own(new FlatForward(today, dividendHandle, dayCounter));
                var blackVol = Own(new BlackConstantVol(today, calendar, volatilityHandle, dayCounter));
                var riskFreeCurveHandle = Own(new YieldTermStructureHandle(riskFreeCurve));
                var dividendCurveHandle = Own(new YieldTermStructureHandle(dividendCurve));
                var blackVolHandle = Own(new BlackVolTermStructureHandle(blackVol));
                _process = Own(new BlackScholesMertonProcess(spotHandle, dividendCurveHandle, riskFreeCurveHandle, blackVolHandle));

                var payoff = Own(new PlainVanillaPayoff(ToOptionType(right), strike));
                Exercise exerciseRule = exercise == QuantLibExerciseStyle.European
                    ? Own(new EuropeanExercise(maturity))
                    : Own(new AmericanExercise(today, maturity));
                _option = Own(new VanillaOption(payoff, exerciseRule));
                if (engine is { } selected)
                {
                    var grid = fdGrid ?? new QuantLibFdGrid(200, 200);
                    _engine = selected switch
                    {
                        QuantLibEngine.QuantLibFd => Own(new FdBlackScholesVanillaEngine(_process, (uint)grid.TimeSteps, (uint)grid.SpacePoints, FdDampingSteps)),
                        QuantLibEngine.QuantLibQdFp => Own(new QdFpAmericanEngine(_process, qdFpScheme is var (m, n, eps)
                            ? Own(new QdFpTanhSinhIterationScheme((uint)m, (uint)n, eps))
                            : Own(QdFpAmericanEngine.accurateScheme()))),
                        _ => Own(CreateEngine(selected, _process)),
                    };
                    if (extrapolate && selected == QuantLibEngine.QuantLibFd)
                    {
                        _coarseEngine = Own(new FdBlackScholesVanillaEngine(
                            _process, (uint)Math.Max(QuantLibFdGrid.MinimumTimeSteps, grid.TimeSteps / 2), (uint)grid.SpacePoints, FdDampingSteps));
                    }

                    _option.setPricingEngine(_engine);
                }
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        /// <summary>Sets the quotes for a point: r′ = r·k, q′ = (r − b)·k, σ′ = σ·√k with k = T/T′.</summary>
        internal void SetMarket(Point point)
        {
            double ratio = _scaling.Ratio(point.TenorYears);
            _spot.setValue(point.Spot);
            _rate.setValue(point.Rate * ratio);
            _dividendYield.setValue((point.Rate - point.Carry) * ratio);
            _volatility.setValue(point.Volatility * Math.Sqrt(ratio));
        }

        /// <summary>Prices at <paramref name="point"/> and reads the requested Greeks QuantLib provides, in true-tenor units;
        /// with a coarse finite-difference engine, each result is Richardson-extrapolated, 2X_N − X_{N/2}.</summary>
        internal Evaluation Evaluate(Point point, QuantLibGreeks wanted)
        {
            var fine = EvaluateCurrent(point, wanted);
            if (_coarseEngine is null)
            {
                return fine;
            }

            _option.setPricingEngine(_coarseEngine);
            try
            {
                var coarse = EvaluateCurrent(point, wanted);
                return new Evaluation(
                    2.0 * fine.Npv - coarse.Npv, 2.0 * fine.Delta - coarse.Delta, 2.0 * fine.Gamma - coarse.Gamma,
                    2.0 * fine.Vega - coarse.Vega, 2.0 * fine.Theta - coarse.Theta, 2.0 * fine.Rho - coarse.Rho,
                    2.0 * fine.DividendRho - coarse.DividendRho);
            }
            finally
            {
                _option.setPricingEngine(_engine);
            }
        }

        private Evaluation EvaluateCurrent(Point point, QuantLibGreeks wanted)
        {
            SetMarket(point);
            double ratio = _scaling.Ratio(point.TenorYears);
            double npv = _option.NPV();
            return new Evaluation(
                npv,
                wanted.HasFlag(QuantLibGreeks.Delta) ? _option.delta() : double.NaN,
                wanted.HasFlag(QuantLibGreeks.Gamma) ? _option.gamma() : double.NaN,
                wanted.HasFlag(QuantLibGreeks.Vega) ? _option.vega() * Math.Sqrt(ratio) : double.NaN,
                wanted.HasFlag(QuantLibGreeks.Theta) ? _option.theta() / ratio : double.NaN,
                wanted.HasFlag(QuantLibGreeks.Rho) ? _option.rho() * ratio : double.NaN,
                wanted.HasFlag(QuantLibGreeks.CarryRho) ? _option.dividendRho() * ratio : double.NaN);
        }

        /// <summary>
        /// Which results the engine fills in, found by asking for each (QuantLib throws "not provided").
        /// Rho stands for QuantLib's <c>rho()</c> and CarryRho for its <c>dividendRho()</c>.
        /// </summary>
        internal QuantLibGreeks ProbeProvidedGreeks(BlackVanillaOptionInputs inputs)
        {
            SetMarket(Point.Of(inputs));
            _option.NPV();
            var provided = QuantLibGreeks.None;
            provided |= Provides(() => _option.delta(), QuantLibGreeks.Delta);
            provided |= Provides(() => _option.gamma(), QuantLibGreeks.Gamma);
            provided |= Provides(() => _option.vega(), QuantLibGreeks.Vega);
            provided |= Provides(() => _option.theta(), QuantLibGreeks.Theta);
            provided |= Provides(() => _option.rho(), QuantLibGreeks.Rho);
            provided |= Provides(() => _option.dividendRho(), QuantLibGreeks.CarryRho);
            return provided;
        }

        /// <summary>QuantLib's implied vol in model (rescaled) units for the current market quotes.</summary>
        internal double ImpliedVolatility(double price, double accuracy, int maxEvaluations, double minVol, double maxVol) =>
            _option.impliedVolatility(price, _process, accuracy, (uint)maxEvaluations, minVol, maxVol);

        public void Dispose()
        {
            while (_owned.TryPop(out var disposable))
            {
                disposable.Dispose();
            }
        }

        private static QuantLibGreeks Provides(Func<double> greek, QuantLibGreeks flag)
        {
            try
            {
                return double.IsFinite(greek()) ? flag : QuantLibGreeks.None;
            }
            catch (ApplicationException)
            {
                return QuantLibGreeks.None;
            }
        }

        private static PricingEngine CreateEngine(QuantLibEngine engine, GeneralizedBlackScholesProcess process) => engine switch
        {
            QuantLibEngine.QuantLibAnalytic => new AnalyticEuropeanEngine(process),
            QuantLibEngine.QuantLibBaw => new BaroneAdesiWhaleyApproximationEngine(process),
            QuantLibEngine.QuantLibBjerksundStensland => new BjerksundStenslandApproximationEngine(process),
            QuantLibEngine.QuantLibBinomial => new BinomialLRVanillaEngine(process, BinomialSteps),
            _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "Unknown QuantLib engine."),
        };

        private T Own<T>(T disposable)
            where T : IDisposable
        {
            _owned.Push(disposable);
            return disposable;
        }
    }
}
#endif
