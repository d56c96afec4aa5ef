namespace Analytics.Data.Market.Stored;

/// <summary>A slice's <see cref="Analytics.Pricing.Surfaces.SliceRepair"/> as stored.</summary>
/// <param name="Butterfly">Kebab-case id of the butterfly repair's <see cref="Analytics.Pricing.Surfaces.RepairOutcome"/>.</param>
/// <param name="Calendar">Kebab-case id of the calendar repair's outcome.</param>
/// <param name="MaximumExcessVolPoints">Largest move of a fitted vol further outside a quote's band, vol points.</param>
/// <param name="LogMoneynessAtMaximumExcess">k of that quote; null when none.</param>
internal sealed record SliceRepairRecord(string Butterfly, string Calendar, double MaximumExcessVolPoints, double? LogMoneynessAtMaximumExcess);
