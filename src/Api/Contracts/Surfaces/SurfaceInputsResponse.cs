using System.ComponentModel;

namespace Analytics.Api.Contracts.Surfaces;

/// <summary>The inputs of a fit.</summary>
public sealed record SurfaceInputsResponse(
    [property: Description("`request` (quotes posted with the fit) or `index` (indexed quote snapshots).")] string Source,
    [property: Description("Index only: the newest snapshot instant used, UTC.")] DateTimeOffset? SnapshotAt,
    [property: Description("Quotes received.")] int QuotesIn,
    [property: Description("Quotes kept as smile points.")] int QuotesUsed,
    [property: Description("Dropped quotes per reason (kebab-case reason ids such as `spread-too-wide`, `in-the-money-duplicate`).")] IReadOnlyDictionary<string, int> DroppedByReason);
