namespace Analytics.Data.Market.Stored;

/// <summary>The scalar fields of a stored <see cref="SurfaceInputs"/> (its quote lists are skipped, not materialised).</summary>
/// <param name="Source">As <see cref="SurfaceInputs.Source"/>.</param>
/// <param name="SnapshotAt">As <see cref="SurfaceInputs.SnapshotAt"/>.</param>
/// <param name="RequestedAsOf">As <see cref="SurfaceInputs.RequestedAsOf"/>.</param>
internal sealed record SurfaceInputsHeader(string Source, DateTimeOffset? SnapshotAt, DateTimeOffset? RequestedAsOf);
