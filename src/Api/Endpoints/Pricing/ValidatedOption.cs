using Analytics.Pricing;
using Analytics.Pricing.Engines;

namespace Analytics.Api.Endpoints.Pricing;

/// <summary>
/// An option request that passed validation, with defaults applied and the tenor resolved (the vol travels
/// separately: a price request has one, an implied-vol request asks for it). <c>Underlying</c> is the
/// spot, or the forward when <c>IsForward</c> (Black-76), USD; <c>CarryRate</c> is b (0 for a forward);
/// <c>CarryTiedToRate</c> is true when b = r − q, so rho moves b. <c>ValuationTime</c> is the instant the tenor
/// runs from (the request's, or now).
/// </summary>
internal sealed record ValidatedOption(
    OptionRight Type,
    OptionExerciseStyle Style,
    double Underlying,
    bool IsForward,
    double Strike,
    double TenorYears,
    double Rate,
    double CarryRate,
    bool CarryTiedToRate,
    PricingEngine Engine,
    DateTimeOffset ValuationTime)
{
    /// <summary><c>quantlib-fd</c>: the grid the request gave (<c>timeSteps</c>, <c>gridPoints</c>), or null for the engine's choice.</summary>
    public Analytics.Pricing.QuantLib.QuantLibFdGrid? FdGrid { get; init; }
}
