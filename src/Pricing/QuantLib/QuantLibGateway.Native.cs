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
    /// <summary>Finite-difference grid of <see cref="QuantLibEngine.QuantLibFd"/>.</summary>
    internal const int FdTimeSteps = 200;

    /// <summary>Finite-difference space points of <see cref="QuantLibEngine.QuantLibFd"/>.</summary>
    internal const int FdSpacePoints = 200;

    /// <summary>Implicit damping steps of <see cref="QuantLibEngine.QuantLibFd"/> (smooth Greeks at the kink).</summary>
    internal const int FdDampingSteps = 2;

    /// <summary>Steps of <see cref="QuantLibEngine.QuantLibBinomial"/> (odd, as Leisen-Reimer requires).</summary>
    internal const int BinomialSteps = 401;

    private const double ImpliedVolAccuracy = 1e-12;
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

    private static string ProbeNativeVersion() => NQuantLib.quantLibVersion();

    private QuantLibVanillaOptionResult PriceCore(
        BlackVanillaOptionInputs inputs, QuantLibExerciseStyle exercise, QuantLibEngine engine, DateOnly valuationDate,
        QuantLibTenorScaling scaling, string version)
    {
        lock (Gate)
        {
            DrainPendingReleases();
            try
            {
                using var graph = new VanillaOptionGraph(valuationDate, scaling, inputs.Right, inputs.Strike, exercise, engine);
                var provided = ProvidedByEngine.GetOrAdd(
                    (engine, exercise, inputs.Right, EuropeanShortCut(inputs)), _ => graph.ProbeProvidedGreeks(inputs));
                var (price, greeks) = QuantLibBumpedGreeks.Compute(graph, inputs, provided, QuantLibBumpSizes.For(engine), out var bumped);
                return new QuantLibVanillaOptionResult(
                    price,
                    inputs.Spot * Math.Exp(inputs.CostOfCarry * inputs.TenorYears),
                    Math.Exp(-inputs.Rate * inputs.TenorYears),
                    greeks,
                    bumped,
                    engine,
                    version);
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
        lock (Gate)
        {
            DrainPendingReleases();
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
        lock (Gate)
        {
            DrainPendingReleases();
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
        lock (Gate)
        {
            DrainPendingReleases();
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

    private double PriceAmericanFdOnGridCore(BlackVanillaOptionInputs inputs, QuantLibTenorScaling scaling, int timeSteps, int spacePoints)
    {
        lock (Gate)
        {
            DrainPendingReleases();
            try
            {
                using var graph = new VanillaOptionGraph(DefaultValuationDate, scaling, inputs.Right, inputs.Strike,
                    QuantLibExerciseStyle.American, QuantLibEngine.QuantLibFd, (timeSteps, spacePoints));
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
        lock (Gate)
        {
            DrainPendingReleases();
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

        internal VanillaOptionGraph(
            DateOnly valuationDate, QuantLibTenorScaling scaling, OptionRight right, double strike,
            QuantLibExerciseStyle exercise, QuantLibEngine? engine, (int TimeSteps, int SpacePoints)? fdGrid = null)
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
                    _option.setPricingEngine(Own(fdGrid is var (timeSteps, spacePoints) && selected == QuantLibEngine.QuantLibFd
                        ? new FdBlackScholesVanillaEngine(_process, (uint)timeSteps, (uint)spacePoints, FdDampingSteps)
                        : CreateEngine(selected, _process)));
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

        /// <summary>Prices at <paramref name="point"/> and reads the requested Greeks QuantLib provides, in true-tenor units.</summary>
        internal Evaluation Evaluate(Point point, QuantLibGreeks wanted)
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
            QuantLibEngine.QuantLibFd => new FdBlackScholesVanillaEngine(process, FdTimeSteps, FdSpacePoints, FdDampingSteps),
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
