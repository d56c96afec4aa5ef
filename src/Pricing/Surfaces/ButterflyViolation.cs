namespace Analytics.Pricing.Surfaces;

/// <summary>A log-moneyness interval on which Durrleman's g(k) is negative (butterfly arbitrage: negative density).</summary>
/// <param name="FromLogMoneyness">First grid point of the interval with g &lt; 0.</param>
/// <param name="ToLogMoneyness">Last grid point of the interval with g &lt; 0.</param>
/// <param name="MinimumG">Smallest g on the interval.</param>
/// <param name="LogMoneynessAtMinimum">Grid point where <paramref name="MinimumG"/> is attained.</param>
public sealed record ButterflyViolation(
    double FromLogMoneyness, double ToLogMoneyness, double MinimumG, double LogMoneynessAtMinimum)
{
    /// <summary>Invariant text "SVI butterfly violated at k ∈ [..]: g_min = .. at k = ..".</summary>
    public override string ToString() => FormattableString.Invariant(
        $"butterfly violated for k in [{FromLogMoneyness:F4}, {ToLogMoneyness:F4}]: min g = {MinimumG:G4} at k = {LogMoneynessAtMinimum:F4}");
}
