using Analytics.Api.Endpoints.Pricing;
using Analytics.Pricing.Engines;
using Analytics.Pricing.QuantLib;

namespace Analytics.Api.Endpoints.Costs;

/// <summary>
/// Cost classes of the engines: the CPU of one priced option with its Greeks, microseconds, JSON in and out included, as
/// <c>POST /options/price</c> and its batch compute it. Measured as <see cref="UnitCosts"/> says (same run, loaded machine):
/// batches of 50–100,000 identical American puts (European for the European-only engines), CPU per item: analytic 17 µs,
/// bjerksund-stensland 168–193 µs, barone-adesi-whaley 55 µs, qd-fp 450–466 µs, binomial 12.2–14.2 ms, quantlib-analytic 63 µs,
/// quantlib-baw 72 µs, quantlib-bjerksund-stensland 57 µs, quantlib-qd-fp 4.7 ms, quantlib-binomial 22 ms, quantlib-fd 260 ms
/// on its one-year grid (500 × 800); each rounded up by 1.4–1.8×. quantlib-fd scales with its grid (time steps × space
/// points, either of which a request may raise): 260 ms / 400,000 cells ≈ 0.65 µs → 1 µs a cell. (The classes before this
/// measurement were price-only figures, 5–30× below these: a 100,000-item anonymous bjerksund-stensland batch was
/// estimated at 0.5 s and cost about 17 CPU-seconds.) qd-fp was then made about 2.8× faster with its Greeks (BenchmarkDotNet,
/// price and 9 Greeks, 409.6 → 144.2 µs in one run, bench/RESULTS.md): its class was scaled by that ratio, 700 → 250 µs.
/// Re-measured through HTTP on a quiet machine (2026-12-02 13:13 UTC, AMD EPYC 2 vCPU, the same batches, three each, load
/// falling from 6.7): analytic 13.7–18.4 µs, bjerksund-stensland 176–226, barone-adesi-whaley 21–34, qd-fp 143–190,
/// binomial 10.8–11.0 ms, quantlib-analytic 48–65 µs, quantlib-baw 60–75, quantlib-bjerksund-stensland 48–51,
/// quantlib-qd-fp 4.0–4.6 ms, quantlib-binomial 26.6–28.1 ms, quantlib-fd 207–253 ms (bench/http/engine-costs.sh): every class
/// is 1.25–2.1× these except barone-adesi-whaley's (3–5×), lowered from 100 to 50 µs (1.5–2.4×).
/// </summary>
internal static class EngineCost
{
    /// <summary>quantlib-fd, per grid cell (time steps × space points; the Richardson half-grid and the Greeks included).</summary>
    public const double FdCell = 1;

    /// <summary>The longest tenor QuantLib is given (longer ones are priced on a 100-year model maturity).</summary>
    private const double QuantLibMaxTenorYears = 100;

    /// <summary>One option of <paramref name="option"/>'s engine (and grid); tenor 0 is priced at its closed-form limit.</summary>
    public static double Microseconds(ValidatedOption option)
    {
        if (option.Engine != PricingEngine.QuantLibFd) return Microseconds(option.Engine);
        if (option.FdGrid is { } given) return FdCell * given.TimeSteps * given.SpacePoints;
        if (!(option.TenorYears > 0)) return Microseconds(PricingEngine.Analytic);
        var chosen = QuantLibFdGrid.For(Math.Min(option.TenorYears, QuantLibMaxTenorYears));
        return FdCell * chosen.TimeSteps * chosen.SpacePoints;
    }

    /// <summary>A price item: its engine, three times with an <c>l2</c> block (mid, bid and ask vols) plus the L2 model's own work.</summary>
    public static double Microseconds(PriceableOption option) =>
        option.L2 is null ? Microseconds(option.Option) : 3 * Microseconds(option.Option) + UnitCosts.L2Item;

    /// <summary>An engine's class (quantlib-fd: on its one-year grid, 500 × 800).</summary>
    public static double Microseconds(PricingEngine engine) => engine switch
    {
        PricingEngine.Analytic => 25,
        PricingEngine.BaroneAdesiWhaley => 50,
        PricingEngine.QuantLibAnalytic or PricingEngine.QuantLibBaw or PricingEngine.QuantLibBjerksundStensland => 100,
        PricingEngine.BjerksundStensland => 300,
        PricingEngine.QdFp => 250,
        PricingEngine.QuantLibQdFp => 7_000,
        PricingEngine.Binomial => 20_000,
        PricingEngine.QuantLibBinomial => 35_000,
        PricingEngine.QuantLibFd => FdCell * 500 * QuantLibFdGrid.DefaultSpacePoints,
        _ => FdCell * 500 * QuantLibFdGrid.DefaultSpacePoints,
    };
}
