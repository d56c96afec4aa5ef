using System.ComponentModel;

namespace Analytics.Api.Contracts.Surfaces;

/// <summary>The arbitrage report of a surface (PRODUCT.md §3.2).</summary>
public sealed record ArbitrageResponse(
    [property: Description("No butterfly, Lee or calendar violation anywhere.")] bool ArbitrageFree,
    [property: Description("One butterfly diagnosis per slice, by ascending expiry.")] IReadOnlyList<ButterflyResponse> Butterfly,
    [property: Description("Calendar violations between consecutive slices; empty when none.")] IReadOnlyList<CalendarViolationResponse> Calendar,
    [property: Description("Log-moneyness range of the calendar check grid, [from, to].")] double[] CalendarGridLogMoneyness);
