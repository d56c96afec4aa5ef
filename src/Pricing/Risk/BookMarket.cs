using Analytics.Pricing.Market;

namespace Analytics.Pricing.Risk;

/// <summary>
/// The base market a book is revalued from: the valuation instant, each underlying's <see cref="UnderlyingMarket"/>, and
/// each option's lognormal volatility keyed by its <see cref="OptionContract"/> (sticky strike: a scenario's vol shift
/// moves every option's vol by the same absolute amount). Immutable; the dictionaries are not copied, so pass read-only
/// ones.
/// </summary>
/// <param name="ValuationUtc">The instant tenors run from (Act/365F, <see cref="YearFraction"/>).</param>
/// <param name="Underlyings">Market per underlying symbol.</param>
/// <param name="LognormalVols">Lognormal volatility σ per option contract, annualised decimal, &gt; 0.</param>
public sealed record BookMarket(
    DateTimeOffset ValuationUtc,
    IReadOnlyDictionary<string, UnderlyingMarket> Underlyings,
    IReadOnlyDictionary<OptionContract, double> LognormalVols);
