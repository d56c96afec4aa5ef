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
/// <param name="LognormalVols">Lognormal volatility σ per option contract, annualised decimal, ≥ 0 (0 values at the zero-vol limit).</param>
public sealed record BookMarket(
    DateTimeOffset ValuationUtc,
    IReadOnlyDictionary<string, UnderlyingMarket> Underlyings,
    IReadOnlyDictionary<OptionContract, double> LognormalVols)
{
    /// <summary>
    /// Sticky moneyness: per underlying listed, the surface an option's vol is read from in every scenario at the moved
    /// spot's log-moneyness (k = ln(K / F) fixed, so the vol at strike K after spot moves S → S' is the base surface's vol
    /// at strike K·S/S', at the option's base tenor); the option's vol in the base market stays <see cref="LognormalVols"/>.
    /// Null or unlisted: vols held at each strike (sticky strike).
    /// </summary>
    public IReadOnlyDictionary<string, Surfaces.VolatilitySurface>? StickyMoneynessSurfaces { get; init; }
}
