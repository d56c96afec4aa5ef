namespace Analytics.Pricing.Surfaces;

/// <summary>
/// A log-moneyness interval on which total variance falls from one slice to the next (calendar-spread arbitrage:
/// w(k, T₁) &gt; w(k, T₂) for T₁ &lt; T₂; Gatheral &amp; Jacquier 2014, Lemma 2.1 and Definition 2.1).
/// </summary>
/// <param name="EarlierExpiryUtc">Expiry of the shorter slice.</param>
/// <param name="LaterExpiryUtc">Expiry of the longer slice.</param>
/// <param name="FromLogMoneyness">First grid point with w(k, T₁) &gt; w(k, T₂).</param>
/// <param name="ToLogMoneyness">Last grid point with w(k, T₁) &gt; w(k, T₂).</param>
/// <param name="MaximumDeficit">Largest w(k, T₁) − w(k, T₂) on the interval (total variance, dimensionless).</param>
/// <param name="LogMoneynessAtMaximum">Grid point of <paramref name="MaximumDeficit"/>.</param>
public sealed record CalendarViolation(
    DateTimeOffset EarlierExpiryUtc,
    DateTimeOffset LaterExpiryUtc,
    double FromLogMoneyness,
    double ToLogMoneyness,
    double MaximumDeficit,
    double LogMoneynessAtMaximum)
{
    /// <summary>Invariant text naming the two expiries and the interval.</summary>
    public override string ToString() => FormattableString.Invariant(
        $"calendar violated between {EarlierExpiryUtc:yyyy-MM-dd} and {LaterExpiryUtc:yyyy-MM-dd} for k in [{FromLogMoneyness:F4}, {ToLogMoneyness:F4}]: total variance falls by up to {MaximumDeficit:G4} at k = {LogMoneynessAtMaximum:F4}");
}
