namespace Analytics.Api.Endpoints.Surfaces;

/// <summary>The surface a request prices with, or why there is none (the kind, the field to name, a title and a detail).</summary>
internal sealed record SurfacePick(StoredSurface? Surface, SurfacePickFailure? Failure = null, string? Field = null, string? Title = null, string? Detail = null)
{
    public static SurfacePick Failed(SurfacePickFailure failure, string field, string title, string detail) => new(null, failure, field, title, detail);

    /// <summary>The status of the failure where a request names the surface in its body: always 422, naming the field.</summary>
    public const int BodyStatus = 422;

    /// <summary>The status of the failure on a GET (the surface is a resource there): 404 when none exists, else 422.</summary>
    public int QueryStatus => Failure is SurfacePickFailure.NoneAtOrBefore or SurfacePickFailure.UnknownId ? 404 : 422;
}
