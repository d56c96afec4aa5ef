using System.ComponentModel;

namespace Analytics.Api.Contracts.Surfaces;

/// <summary>A page of surfaces, newest first.</summary>
public sealed record SurfacePageResponse(
    [property: Description("Surfaces, newest as-of first.")] IReadOnlyList<SurfaceSummaryResponse> Items,
    [property: Description("Cursor of the next page; null on the last.")] string? NextCursor);
