/*
 * NQuantLib.i: the SWIG interface of the QuantLib subset the pricing service uses.
 *
 * Our own interface (not QuantLib-SWIG's): dates and the evaluation date, Actual/365 (Fixed), the
 * null and TARGET calendars, quotes and handles, flat and interpolated yield curves, constant and
 * surface Black vols, the generalised Black-Scholes-Merton process, vanilla options with European and
 * American exercise, and the analytic, Barone-Adesi-Whaley, Bjerksund-Stensland, finite-difference,
 * binomial and QD+ fixed-point (Andersen-Lake-Offengenden) engines (NPV, Greeks, implied volatility).
 *
 * Built by QuantLib.targets (swig -c++ -csharp, then g++ -shared ... -lQuantLib) into build output only.
 * Facts this file relies on (MACHINE-NOTES.md, Debian's QuantLib 1.29):
 *  - ext::shared_ptr is boost::shared_ptr, so every class of a hierarchy is declared %shared_ptr.
 *  - the build is neither session-safe nor thread-safe-observer: the proxies are internal and only
 *    QuantLibGateway uses them, under its lock; proxies never delete native objects on the finalizer
 *    thread (see the csdisposing typemaps below).
 *  - without %exception a QuantLib error (an uncaught C++ exception) aborts the process.
 */
%module NQuantLib

%{
#include <ql/version.hpp>
#include <ql/errors.hpp>
#include <ql/settings.hpp>
#include <ql/time/date.hpp>
#include <ql/time/daycounters/actual365fixed.hpp>
#include <ql/time/calendars/nullcalendar.hpp>
#include <ql/time/calendars/target.hpp>
#include <ql/quotes/simplequote.hpp>
#include <ql/handle.hpp>
#include <ql/math/matrix.hpp>
#include <ql/termstructures/yield/flatforward.hpp>
#include <ql/termstructures/yield/zerocurve.hpp>
#include <ql/termstructures/volatility/equityfx/blackconstantvol.hpp>
#include <ql/termstructures/volatility/equityfx/blackvariancesurface.hpp>
#include <ql/processes/blackscholesprocess.hpp>
#include <ql/instruments/payoffs.hpp>
#include <ql/exercise.hpp>
#include <ql/instruments/vanillaoption.hpp>
#include <ql/pricingengines/vanilla/analyticeuropeanengine.hpp>
#include <ql/pricingengines/vanilla/baroneadesiwhaleyengine.hpp>
#include <ql/pricingengines/vanilla/bjerksundstenslandengine.hpp>
#include <ql/pricingengines/vanilla/fdblackscholesvanillaengine.hpp>
#include <ql/pricingengines/vanilla/binomialengine.hpp>
#include <ql/pricingengines/vanilla/qdfpamericanengine.hpp>
#include <ql/methods/lattices/binomialtree.hpp>

namespace QuantLib {
    /* Non-template names for the binomial engines, so the proxies get plain class names. */
    typedef BinomialVanillaEngine<CoxRossRubinstein> BinomialCRRVanillaEngine;
    typedef BinomialVanillaEngine<LeisenReimer> BinomialLRVanillaEngine;
}
%}

/* ---- C# visibility: every generated type is internal; only QuantLibGateway uses them. ---- */
%typemap(csclassmodifiers) SWIGTYPE, SWIGTYPE *, SWIGTYPE &, SWIGTYPE &&, SWIGTYPE [], SWIGTYPE (CLASS::*) "internal class"
%typemap(csclassmodifiers) enum SWIGTYPE "internal enum"
%pragma(csharp) moduleclassmodifiers="internal class"
%pragma(csharp) imclassclassmodifiers="internal class"

/* ---- Errors: QuantLib::Error derives from std::exception; turn both into pending .NET exceptions. ---- */
%exception {
    try {
        $action
    } catch (std::exception& e) {
        SWIG_CSharpSetPendingException(SWIG_CSharpApplicationException, e.what());
        return $null;
    } catch (...) {
        SWIG_CSharpSetPendingException(SWIG_CSharpApplicationException, "unknown C++ exception in QuantLib");
        return $null;
    }
}

/* ---- Disposal: never delete on the finalizer thread. ----
 * Both Dispose() and the finalizer hand the native pointer to QuantLibGateway.ReleaseNative, which
 * deletes it at once when the calling thread holds the gateway lock and otherwise queues it; the
 * queue is drained under the lock at the start of the next gateway call. */
%define QL_DEFERRED_DELETE(OWNFLAG)
      if (OWNFLAG) {
        OWNFLAG = false;
        global::Analytics.Pricing.QuantLib.QuantLibGateway.ReleaseNative(swigCPtr.Handle, static handle => {
          var swigCPtr = new global::System.Runtime.InteropServices.HandleRef(null, handle);
          $imcall;
        });
      }
%enddef

%define QL_DISPOSING(TYPE, OWNFLAG)
%typemap(csdisposing, methodname="Dispose", methodmodifiers="protected", parameters="bool disposing") TYPE {
    lock(this) {
      if (swigCPtr.Handle != global::System.IntPtr.Zero) {
QL_DEFERRED_DELETE(OWNFLAG)
        swigCPtr = new global::System.Runtime.InteropServices.HandleRef(null, global::System.IntPtr.Zero);
      }
    }
  }
%enddef

%define QL_DISPOSING_DERIVED(TYPE, OWNFLAG)
%typemap(csdisposing_derived, methodname="Dispose", methodmodifiers="protected", parameters="bool disposing") TYPE {
    lock(this) {
      if (swigCPtr.Handle != global::System.IntPtr.Zero) {
QL_DEFERRED_DELETE(OWNFLAG)
        swigCPtr = new global::System.Runtime.InteropServices.HandleRef(null, global::System.IntPtr.Zero);
      }
      base.Dispose(disposing);
    }
  }
%enddef

/* Plain (value) proxies: Date, DayCounter, Calendar, Handle<T>, Matrix, std::vector<T>. */
QL_DISPOSING(SWIGTYPE, swigCMemOwn)
QL_DISPOSING_DERIVED(SWIGTYPE, swigCMemOwn)

%include <std_string.i>
%include <std_vector.i>
%include <boost_shared_ptr.i>

/* Shared-pointer proxies: boost_shared_ptr.i gives each TYPE its own disposing typemaps, so ours
 * must follow every %shared_ptr. */
%define QL_SHARED_PTR(TYPE)
%shared_ptr(TYPE)
QL_DISPOSING(TYPE, swigCMemOwnBase)
QL_DISPOSING_DERIVED(TYPE, swigCMemOwnDerived)
%enddef

QL_SHARED_PTR(QuantLib::Quote)
QL_SHARED_PTR(QuantLib::SimpleQuote)
QL_SHARED_PTR(QuantLib::YieldTermStructure)
QL_SHARED_PTR(QuantLib::FlatForward)
QL_SHARED_PTR(QuantLib::ZeroCurve)
QL_SHARED_PTR(QuantLib::BlackVolTermStructure)
QL_SHARED_PTR(QuantLib::BlackConstantVol)
QL_SHARED_PTR(QuantLib::BlackVarianceSurface)
QL_SHARED_PTR(QuantLib::GeneralizedBlackScholesProcess)
QL_SHARED_PTR(QuantLib::BlackScholesMertonProcess)
QL_SHARED_PTR(QuantLib::Payoff)
QL_SHARED_PTR(QuantLib::StrikedTypePayoff)
QL_SHARED_PTR(QuantLib::PlainVanillaPayoff)
QL_SHARED_PTR(QuantLib::Exercise)
QL_SHARED_PTR(QuantLib::EuropeanExercise)
QL_SHARED_PTR(QuantLib::AmericanExercise)
QL_SHARED_PTR(QuantLib::PricingEngine)
QL_SHARED_PTR(QuantLib::AnalyticEuropeanEngine)
QL_SHARED_PTR(QuantLib::BaroneAdesiWhaleyApproximationEngine)
QL_SHARED_PTR(QuantLib::BjerksundStenslandApproximationEngine)
QL_SHARED_PTR(QuantLib::FdBlackScholesVanillaEngine)
QL_SHARED_PTR(QuantLib::BinomialCRRVanillaEngine)
QL_SHARED_PTR(QuantLib::BinomialLRVanillaEngine)
QL_SHARED_PTR(QuantLib::QdFpAmericanEngine)
QL_SHARED_PTR(QuantLib::QdFpIterationScheme)
QL_SHARED_PTR(QuantLib::QdFpLegendreScheme)
QL_SHARED_PTR(QuantLib::QdFpTanhSinhIterationScheme)
QL_SHARED_PTR(QuantLib::Instrument)
QL_SHARED_PTR(QuantLib::Option)
QL_SHARED_PTR(QuantLib::OneAssetOption)
QL_SHARED_PTR(QuantLib::VanillaOption)

/* Abstract classes get no constructor; concrete ones declare theirs below. */
%nodefaultctor;

namespace QuantLib {

typedef double Real;
typedef double Time;
typedef double Rate;
typedef double Volatility;
typedef double DiscountFactor;
typedef int Integer;
typedef unsigned int Natural;
typedef size_t Size;

/* ---------------- dates and the evaluation date ---------------- */

enum Month { January = 1, February = 2, March = 3, April = 4, May = 5, June = 6, July = 7,
             August = 8, September = 9, October = 10, November = 11, December = 12 };

class Date {
  public:
    Date();
    Date(Integer d, Month m, Integer y);
    Date(Integer d, Month m, Integer y, Integer hours, Integer minutes, Integer seconds);
    Integer dayOfMonth() const;
    Month month() const;
    Integer year() const;
    Integer hours() const;
    Integer minutes() const;
    Integer seconds() const;
    %extend {
        /* Days since 31 December 1899 (QuantLib's serial number). */
        Integer serial() const { return static_cast<QuantLib::Integer>(self->serialNumber()); }
        QuantLib::Date plusDays(Integer days) const { return *self + days; }
        std::string iso() const { std::ostringstream s; s << QuantLib::io::iso_datetime(*self); return s.str(); }
    }
};

/* ---------------- day counters and calendars ---------------- */

class DayCounter {
  public:
    std::string name() const;
    Time yearFraction(const Date& d1, const Date& d2) const;
};

class Actual365Fixed : public DayCounter {
  public:
    Actual365Fixed();
};

class Calendar {
  public:
    std::string name() const;
    bool isBusinessDay(const Date& d) const;
};

class NullCalendar : public Calendar {
  public:
    NullCalendar();
};

class TARGET : public Calendar {
  public:
    TARGET();
};

/* ---------------- quotes and handles ---------------- */

class Quote {
  public:
    Real value() const;
    bool isValid() const;
};

class SimpleQuote : public Quote {
  public:
    SimpleQuote(Real value);
    Real setValue(Real value);
};

template <class T> class Handle {
  public:
    Handle(const boost::shared_ptr<T>& p);
    bool empty() const;
};

template <class T> class RelinkableHandle : public Handle<T> {
  public:
    RelinkableHandle(const boost::shared_ptr<T>& p);
    void linkTo(const boost::shared_ptr<T>& p);
};

%template(QuoteHandle) Handle<Quote>;
%template(RelinkableQuoteHandle) RelinkableHandle<Quote>;

/* ---------------- vectors and matrices ---------------- */

class Matrix {
  public:
    Matrix(Size rows, Size columns, Real value);
    Size rows() const;
    Size columns() const;
    %extend {
        void set(Size i, Size j, Real value) { (*self)[i][j] = value; }
        Real get(Size i, Size j) const { return (*self)[i][j]; }
    }
};

}  // namespace QuantLib

%template(DoubleVector) std::vector<double>;
%template(DateVector) std::vector<QuantLib::Date>;

namespace QuantLib {

/* ---------------- yield curves ---------------- */

class YieldTermStructure {
  public:
    DiscountFactor discount(Time t, bool extrapolate = false) const;
    Date referenceDate() const;
};

class FlatForward : public YieldTermStructure {
  public:
    /* Continuously compounded zero rate, Actual/365 (Fixed) when that day counter is passed. */
    FlatForward(const Date& referenceDate, const Handle<Quote>& forward, const DayCounter& dayCounter);
    FlatForward(const Date& referenceDate, Rate forward, const DayCounter& dayCounter);
};

/* InterpolatedZeroCurve<Linear>: continuously compounded zero rates, linear in the zero rate. */
class ZeroCurve : public YieldTermStructure {
  public:
    ZeroCurve(const std::vector<Date>& dates, const std::vector<Rate>& yields, const DayCounter& dayCounter);
};

%template(YieldTermStructureHandle) Handle<YieldTermStructure>;

/* ---------------- Black volatilities ---------------- */

class BlackVolTermStructure {
  public:
    Volatility blackVol(Time t, Real strike, bool extrapolate = false) const;
    Real blackVariance(Time t, Real strike, bool extrapolate = false) const;
};

class BlackConstantVol : public BlackVolTermStructure {
  public:
    BlackConstantVol(const Date& referenceDate, const Calendar& calendar, const Handle<Quote>& volatility,
                     const DayCounter& dayCounter);
    BlackConstantVol(const Date& referenceDate, const Calendar& calendar, Volatility volatility,
                     const DayCounter& dayCounter);
};

/* Vols by (strike row, date column), interpolated bilinearly in total variance. */
class BlackVarianceSurface : public BlackVolTermStructure {
  public:
    BlackVarianceSurface(const Date& referenceDate, const Calendar& calendar, const std::vector<Date>& dates,
                         const std::vector<Real>& strikes, const Matrix& blackVolMatrix,
                         const DayCounter& dayCounter);
};

%template(BlackVolTermStructureHandle) Handle<BlackVolTermStructure>;

/* ---------------- processes ---------------- */

class GeneralizedBlackScholesProcess {
  public:
    GeneralizedBlackScholesProcess(const Handle<Quote>& x0, const Handle<YieldTermStructure>& dividendTS,
                                   const Handle<YieldTermStructure>& riskFreeTS,
                                   const Handle<BlackVolTermStructure>& blackVolTS);
    Real x0() const;
};

class BlackScholesMertonProcess : public GeneralizedBlackScholesProcess {
  public:
    BlackScholesMertonProcess(const Handle<Quote>& x0, const Handle<YieldTermStructure>& dividendTS,
                              const Handle<YieldTermStructure>& riskFreeTS,
                              const Handle<BlackVolTermStructure>& blackVolTS);
};

/* ---------------- payoffs and exercises ---------------- */

class Payoff {
  public:
    std::string name() const;
};

class StrikedTypePayoff : public Payoff {
  public:
    Real strike() const;
};

/* ---------------- instruments ---------------- */

class PricingEngine {
};

class Instrument {
  public:
    Real NPV() const;
    bool isExpired() const;
    void setPricingEngine(const boost::shared_ptr<PricingEngine>& engine);
};

class Option : public Instrument {
  public:
    enum Type { Put = -1, Call = 1 };
};

class PlainVanillaPayoff : public StrikedTypePayoff {
  public:
    PlainVanillaPayoff(Option::Type type, Real strike);
};

class Exercise {
  public:
    Date lastDate() const;
};

class EuropeanExercise : public Exercise {
  public:
    EuropeanExercise(const Date& date);
};

class AmericanExercise : public Exercise {
  public:
    AmericanExercise(const Date& earliestDate, const Date& latestDate);
};

class OneAssetOption : public Option {
  public:
    Real delta() const;
    Real gamma() const;
    Real theta() const;
    Real vega() const;
    Real rho() const;
    Real dividendRho() const;
};

class VanillaOption : public OneAssetOption {
  public:
    VanillaOption(const boost::shared_ptr<StrikedTypePayoff>& payoff, const boost::shared_ptr<Exercise>& exercise);
    Volatility impliedVolatility(Real price, const boost::shared_ptr<GeneralizedBlackScholesProcess>& process,
                                 Real accuracy, Size maxEvaluations, Volatility minVol, Volatility maxVol) const;
};

/* ---------------- pricing engines ---------------- */

class AnalyticEuropeanEngine : public PricingEngine {
  public:
    AnalyticEuropeanEngine(const boost::shared_ptr<GeneralizedBlackScholesProcess>& process);
};

class BaroneAdesiWhaleyApproximationEngine : public PricingEngine {
  public:
    BaroneAdesiWhaleyApproximationEngine(const boost::shared_ptr<GeneralizedBlackScholesProcess>& process);
};

class BjerksundStenslandApproximationEngine : public PricingEngine {
  public:
    BjerksundStenslandApproximationEngine(const boost::shared_ptr<GeneralizedBlackScholesProcess>& process);
};

/* Douglas scheme on a log-spot mesh; tGrid time steps, xGrid space points. */
class FdBlackScholesVanillaEngine : public PricingEngine {
  public:
    FdBlackScholesVanillaEngine(const boost::shared_ptr<GeneralizedBlackScholesProcess>& process,
                                Size tGrid, Size xGrid, Size dampingSteps);
};

/* BinomialVanillaEngine<CoxRossRubinstein>. */
class BinomialCRRVanillaEngine : public PricingEngine {
  public:
    BinomialCRRVanillaEngine(const boost::shared_ptr<GeneralizedBlackScholesProcess>& process, Size timeSteps);
};

/* BinomialVanillaEngine<LeisenReimer> (use an odd number of steps). */
class BinomialLRVanillaEngine : public PricingEngine {
  public:
    BinomialLRVanillaEngine(const boost::shared_ptr<GeneralizedBlackScholesProcess>& process, Size timeSteps);
};

/* Iteration schemes of QdFpAmericanEngine (QuantLib 1.29: fast = Legendre (7, 2, 7)-27, accurate =
 * Legendre-tanh-sinh (25, 5, 13)-1e-8, high precision = tanh-sinh (m 10, n 30, 1e-10)). */
class QdFpIterationScheme {
};

/* Gauss-Legendre (l, m, n)-p. */
class QdFpLegendreScheme : public QdFpIterationScheme {
  public:
    QdFpLegendreScheme(Size l, Size m, Size n, Size p);
};

/* tanh-sinh (m, n)-eps. */
class QdFpTanhSinhIterationScheme : public QdFpIterationScheme {
  public:
    QdFpTanhSinhIterationScheme(Size m, Size n, Real eps);
};

/* Andersen-Lake-Offengenden fixed-point American engine; the fixed-point equation is chosen automatically
 * (FP-A when |r - q| < 0.001, else FP-B). Rejects the double-boundary case q < r < 0 of a put. */
class QdFpAmericanEngine : public PricingEngine {
  public:
    QdFpAmericanEngine(const boost::shared_ptr<GeneralizedBlackScholesProcess>& process,
                       const boost::shared_ptr<QdFpIterationScheme>& iterationScheme);
    static boost::shared_ptr<QdFpIterationScheme> fastScheme();
    static boost::shared_ptr<QdFpIterationScheme> accurateScheme();
    static boost::shared_ptr<QdFpIterationScheme> highPrecisionScheme();
};

}  // namespace QuantLib

/* ---------------- global settings ---------------- */

%inline %{
/* Sets QuantLib's process-global evaluation date (Settings::instance().evaluationDate()). */
void setEvaluationDate(const QuantLib::Date& date) {
    QuantLib::Settings::instance().evaluationDate() = date;
}

QuantLib::Date evaluationDate() {
    return QuantLib::Settings::instance().evaluationDate();
}

/* The QuantLib version the wrapper was compiled against, e.g. "1.29". */
std::string quantLibVersion() {
    return QL_VERSION;
}
%}
