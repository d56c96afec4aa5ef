using System.Collections.Immutable;

namespace Analytics.Pricing.Surfaces;

/// <summary>The market smile of one expiry: forward, discounting and the implied-vol points sorted by log-moneyness.</summary>
/// <param name="ExpiryUtc">Expiry instant.</param>
/// <param name="TenorYears">T = (expiry − as-of) in years, Act/365F.</param>
/// <param name="Forward">Slice forward F_T in USD (median venue forward, parity forward or carry forward).</param>
/// <param name="ForwardSource">Where <paramref name="Forward"/> came from.</param>
/// <param name="DiscountFactor">DF = e^{−rT}.</param>
/// <param name="Points">Points sorted by ascending log-moneyness, one per kept quote.</param>
public sealed record MarketSmile(
    DateTimeOffset ExpiryUtc,
    double TenorYears,
    double Forward,
    ForwardSource ForwardSource,
    double DiscountFactor,
    ImmutableArray<SmilePoint> Points);
