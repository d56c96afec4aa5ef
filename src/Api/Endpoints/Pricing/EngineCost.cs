using Analytics.Pricing.Engines;

namespace Analytics.Api.Endpoints.Pricing;

/// <summary>
/// Cost classes of the engines for the batch budget (<see cref="Options.LimitsOptions.AnonymousBatchBudgetCpuMs"/>):
/// an upper estimate of one option's CPU time, microseconds, rounded up from bench/RESULTS.md (scalar and batch pricing,
/// qd-fp, the QuantLib comparison) and the hostile run's ~21 ms per quantlib-fd American item. Estimates, not
/// measurements: they only need the right order of magnitude to keep one request from costing CPU-minutes.
/// </summary>
internal static class EngineCost
{
    public static double Microseconds(PricingEngine engine) => engine switch
    {
        PricingEngine.Analytic => 1,
        PricingEngine.BjerksundStensland or PricingEngine.BaroneAdesiWhaley => 5,
        PricingEngine.QdFp => 100,
        PricingEngine.QuantLibAnalytic or PricingEngine.QuantLibBaw or PricingEngine.QuantLibBjerksundStensland => 100,
        PricingEngine.Binomial => 2_000,
        PricingEngine.QuantLibQdFp => 2_000,
        PricingEngine.QuantLibBinomial => 10_000,
        PricingEngine.QuantLibFd => 25_000,
        _ => 25_000,
    };
}
