namespace Analytics.Pricing.Risk.Backtesting;

/// <summary>The outcome of <see cref="VarBacktest.Evaluate"/>.</summary>
/// <param name="Observations">Days tested, T.</param>
/// <param name="Exceptions">Days whose loss exceeded VaR, x.</param>
/// <param name="ExpectedExceptions">(1 − VaR confidence)·T.</param>
/// <param name="VarConfidence">The VaR's confidence, e.g. 0.99.</param>
/// <param name="Transitions">Day-to-day exceedance transitions.</param>
/// <param name="ProportionOfFailures">Kupiec's unconditional coverage test, χ²(1).</param>
/// <param name="Independence">Christoffersen's independence test, χ²(1).</param>
/// <param name="ConditionalCoverage">Christoffersen's conditional coverage test (the sum of the two), χ²(2).</param>
/// <param name="TrafficLight">The Basel zone.</param>
public sealed record VarBacktestResult(
    int Observations,
    int Exceptions,
    double ExpectedExceptions,
    double VarConfidence,
    ExceedanceTransitions Transitions,
    LikelihoodRatioTest ProportionOfFailures,
    LikelihoodRatioTest Independence,
    LikelihoodRatioTest ConditionalCoverage,
    BaselTrafficLight TrafficLight);
