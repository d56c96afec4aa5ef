using Analytics.Pricing.Engines;
using Analytics.Pricing.Risk;

namespace Analytics.Api.Endpoints.Costs;

/// <summary>
/// Measured CPU per unit of work, microseconds, from which the endpoints estimate a request's CPU before doing it
/// (<see cref="CpuBudget"/>). Estimates, not guarantees: they need the right order of magnitude, and err high.
/// </summary>
/// <remarks>
/// <para>How they were measured (2026-12-02, 03:17–03:36 UTC, this repository's machine: 2 vCPU AMD EPYC KVM guest, .NET 10,
/// Release build): each endpoint through HTTP on the test server (tests/Api.Tests' <c>ApiFactory</c>, SQLite, an API key,
/// inline books and posted quotes), CPU time of the whole process (<c>Process.TotalProcessorTime</c>, every thread) around each
/// request, three requests per size, two or more sizes per family; a unit's cost is the slope between sizes, so the fixed
/// cost of a request (about 0.3–0.6 ms, which the request rate limiter bounds, not this) drops out. The probe was a throwaway
/// test, not committed: to re-measure, time the same requests at two sizes.</para>
/// <para><b>The machine was shared and loaded</b> (load average 22–36 on its 2 vCPUs throughout: other sessions were building
/// and testing), so repetitions varied by up to 3× and the medians are higher than on a quiet machine (where, e.g., the
/// benchmarks of bench/RESULTS.md value a European option in a scenario in ~25 ns against ~40–70 ns here). Each figure below
/// is the loaded median rounded <b>up</b> by about 1.5–2×: conservative, so a request is refused only when even a quiet
/// machine would spend about its estimate or more.</para>
/// </remarks>
internal static class UnitCosts
{
    /// <summary>Per position of a risk request, besides its revaluations: reading and validating it, its contribution or loss
    /// in the answer (parametric and delta-gamma VaR of 10,000 positions, 3–5 revaluations each: 180–200 ms → ~15 µs).</summary>
    public const double RiskPosition = 20;

    /// <summary>Per VaR scenario (Monte Carlo path or historical day), besides the revaluations: drawing it, its P&amp;L kept
    /// with the stored run, sorting (one position, 200,000 paths: 1.7–2.0 s → 8.4–10 µs a path).</summary>
    public const double VarScenario = 15;

    /// <summary>One European option revalued in one scenario (Monte Carlo and historical VaR, 100–10,000 positions × 3,650–100,000
    /// scenarios: 36–69 ns).</summary>
    public const double EuropeanRevaluation = 0.1;

    /// <summary>Added per option revaluation when vols are read off the surface at the moved moneyness (historical VaR with
    /// <c>sticky-moneyness</c>, 1,000 options × 3,650 days: +50 ns).</summary>
    public const double StickyMoneynessRevaluation = 0.1;

    /// <summary>One American option revalued in one scenario (Bjerksund–Stensland 2002: 0.13–0.38 µs in VaR, 0.64 µs in stress).</summary>
    public const double AmericanRevaluation = 1;

    /// <summary>A spot, perpetual or coin-collateral position in one scenario: linear, too small to measure beside the scenario's own cost.</summary>
    public const double LinearRevaluation = 0.01;

    /// <summary>Per position × stress scenario besides the revaluation: its loss in the answer (10,000 positions × 50 scenarios:
    /// 0.73 s European, 1.05 s American → 1.4–2.1 µs with the revaluation).</summary>
    public const double StressCell = 2;

    /// <summary>Per position and margin model of the standard (rule) kind, liquidation prices included. Measured only up to the
    /// rule (1,000 positions read, validated and valued: ~35 µs; the probe's underlying had no standard rule, so the 422 came
    /// before the liquidation solver): the rule is a closed form per position, the solver a few dozen evaluations of it.</summary>
    public const double StandardMarginPosition = 40;

    /// <summary>Per position and portfolio margin model, before its grid: see <see cref="PortfolioMarginGridPoint"/>.</summary>
    public const double PortfolioMarginPosition = 30;

    /// <summary>Per position, portfolio margin model and grid point (spot move × vol shock, or extended move), liquidation prices
    /// included (1,000 positions: 57 µs European, 95 µs American on the 35-point deribit-portfolio grid, 52 µs on aevo-portfolio's 15).</summary>
    public const double PortfolioMarginGridPoint = 2;

    /// <summary>Per historical window, model and chain of a margin backtest, besides the revaluations (10–100 positions × 40 model-chain
    /// pairs × 3,650 windows: ~5.6 µs).</summary>
    public const double MarginWindow = 10;

    /// <summary>Per day of a backtest over a stored portfolio's VaR runs, besides the revaluations: reading the day's run, its
    /// market and the two closes (365 days of a 6-position book over HTTP on SQLite, quiet machine: 1.29–1.73 s of process
    /// CPU, 3.5–4.7 ms a day).</summary>
    public const double StoredBacktestDay = 4_000;

    /// <summary>Revaluations per position for each chain's liquidation-latency add-on (spot bumps for the delta and gamma).</summary>
    public const int AddOnRevaluations = 4;

    /// <summary>Per quote of a surface fit, by model (10–300 expiries, 61–9,979 quotes: svi 99–157 µs, ssvi 97–200 µs, essvi 186–367 µs).</summary>
    public const double SviQuote = 200, SsviQuote = 300, EssviQuote = 500;

    /// <summary>Per payoff point of a structure (break-evens and extremes included: 1.3 µs European, 2.8 µs American legs).</summary>
    public const double PayoffPoint = 3;

    /// <summary>Per payoff point and leg expiring after the first expiry (valued at each point: 1.7 µs European, 9.1 µs American).</summary>
    public const double EuropeanLegPoint = 3, AmericanLegPoint = 15;

    /// <summary>Per strike of an option chain (call and put with Greeks, 2,000 strikes: ~5 µs), and with a chain's L2 bid and ask (~100 µs).</summary>
    public const double ChainStrike = 10, ChainStrikeWithL2 = 200;

    /// <summary>Per implied-vol inversion, JSON in and out included (100,000 items: 7.8 µs; 1,000: 11 µs).</summary>
    public const double ImpliedVol = 15;

    /// <summary>Added to a price item with an <c>l2</c> block, besides three engine valuations (mid, bid and ask vols):
    /// from the chain's L2 figure (~100 µs a strike), not measured on the price endpoints.</summary>
    public const double L2Item = 100;

    /// <summary>One position's revaluation in one scenario, by kind.</summary>
    public static double Revaluation(RiskPosition position, bool stickyMoneyness = false) => position.Option switch
    {
        null => LinearRevaluation,
        { Style: OptionExerciseStyle.American } => AmericanRevaluation + (stickyMoneyness ? StickyMoneynessRevaluation : 0),
        _ => EuropeanRevaluation + (stickyMoneyness ? StickyMoneynessRevaluation : 0),
    };
}
