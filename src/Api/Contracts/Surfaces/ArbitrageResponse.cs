using System.ComponentModel;

namespace Analytics.Api.Contracts.Surfaces;

/// <summary>The arbitrage report of a surface (PRODUCT.md §3.2).</summary>
public sealed record ArbitrageResponse(
    [property: Description("No butterfly, Lee or calendar violation anywhere.")] bool ArbitrageFree,
    [property: Description("One butterfly diagnosis per slice, by ascending expiry.")] IReadOnlyList<ButterflyResponse> Butterfly,
    [property: Description("Calendar violations between consecutive slices; empty when none.")] IReadOnlyList<CalendarViolationResponse> Calendar,
    [property: Description("Log-moneyness range of the calendar check grid, [from, to].")] double[] CalendarGridLogMoneyness);

/// <summary>Durrleman's g(k) on a grid and Lee's wing bound for one slice.</summary>
public sealed record ButterflyResponse(
    [property: Description("Expiry of the slice, UTC.")] DateTimeOffset Expiry,
    [property: Description("No g < 0 on the grid and Lee's bound holds.")] bool ArbitrageFree,
    [property: Description("Smallest g(k) on the grid.")] double MinimumG,
    [property: Description("k where g is smallest.")] double LogMoneynessAtMinimum,
    [property: Description("Grid: lowest k, highest k, number of points.")] double[] Grid,
    [property: Description("Left and right wing slopes of total variance, b(1 − ρ) and b(1 + ρ); Lee requires ≤ 2.")] double[] WingSlopes,
    [property: Description("Intervals of k with g < 0; empty when none.")] IReadOnlyList<ButterflyViolationResponse> Violations,
    [property: Description("Human-readable summary.")] string Reason);

/// <summary>An interval of log-moneyness with negative density.</summary>
public sealed record ButterflyViolationResponse(
    [property: Description("First k of the interval.")] double FromLogMoneyness,
    [property: Description("Last k of the interval.")] double ToLogMoneyness,
    [property: Description("Smallest g on the interval.")] double MinimumG,
    [property: Description("k of that minimum.")] double LogMoneynessAtMinimum);

/// <summary>An interval of log-moneyness where total variance falls from one expiry to the next.</summary>
public sealed record CalendarViolationResponse(
    [property: Description("Earlier expiry, UTC.")] DateTimeOffset EarlierExpiry,
    [property: Description("Later expiry, UTC.")] DateTimeOffset LaterExpiry,
    [property: Description("First k of the interval.")] double FromLogMoneyness,
    [property: Description("Last k of the interval.")] double ToLogMoneyness,
    [property: Description("Largest w(k, T₁) − w(k, T₂) on the interval (total variance).")] double MaximumDeficit,
    [property: Description("k of that maximum.")] double LogMoneynessAtMaximum);
