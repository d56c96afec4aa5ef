using System.Collections.Immutable;

namespace Analytics.Pricing.Surfaces;

/// <summary>The arbitrage report of a whole surface: one butterfly diagnosis per slice and the calendar check.</summary>
/// <param name="Butterfly">Per-slice diagnoses, by ascending expiry.</param>
/// <param name="Calendar">Calendar violations between consecutive slices; empty when none.</param>
/// <param name="CalendarGridFrom">Lowest log-moneyness of the calendar grid.</param>
/// <param name="CalendarGridTo">Highest log-moneyness of the calendar grid.</param>
public sealed record ArbitrageReport(
    ImmutableArray<ButterflyDiagnosis> Butterfly,
    ImmutableArray<CalendarViolation> Calendar,
    double CalendarGridFrom,
    double CalendarGridTo)
{
    /// <summary>No butterfly, Lee or calendar violation anywhere.</summary>
    public bool IsArbitrageFree => Calendar.IsEmpty && Butterfly.All(b => b.IsArbitrageFree);
}
