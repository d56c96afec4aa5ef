using Analytics.Api.Contracts.Pricing;

namespace Analytics.Api.Endpoints.Surfaces;

/// <summary>What <c>volSource: surface</c> came to for one request.</summary>
/// <param name="Request">The request to price: with the surface's vol when one was read, else unchanged.</param>
/// <param name="Surface">The surface the vol was read from, if any.</param>
/// <param name="Problem">Why no surface could be used (a 422 naming a field), if that is what happened.</param>
internal sealed record SurfaceVolResolution(OptionPriceRequest Request, StoredSurface? Surface, SurfacePick? Problem);
