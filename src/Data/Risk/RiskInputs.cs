using System.Collections.Immutable;

namespace Analytics.Data.Risk;

/// <summary>What a risk run used (API.md: "every response has <c>inputs</c>").</summary>
/// <param name="Prices">Per underlying: the spot used, its instant and source.</param>
/// <param name="SurfaceIds">Per underlying with options: the surface the vols were read from.</param>
/// <param name="Carry">Per underlying: the carry used, its source and window.</param>
/// <param name="ReturnDays">Historical methods: return windows used; 0 otherwise.</param>
/// <param name="DroppedDates">Dates dropped because some underlying had no close that day.</param>
/// <param name="FirstReturnEnd">First return window's end date; null when no history was used.</param>
/// <param name="LastReturnEnd">Last return window's end date; null when no history was used.</param>
/// <param name="HistorySources">Per underlying: the price source of the daily closes (the one with the most days in the window).</param>
public sealed record RiskInputs(
    ImmutableSortedDictionary<string, Market.UnderlyingPrice> Prices,
    ImmutableSortedDictionary<string, long> SurfaceIds,
    ImmutableSortedDictionary<string, CarryUsed> Carry,
    int ReturnDays,
    int DroppedDates,
    DateOnly? FirstReturnEnd,
    DateOnly? LastReturnEnd,
    ImmutableSortedDictionary<string, string> HistorySources);
