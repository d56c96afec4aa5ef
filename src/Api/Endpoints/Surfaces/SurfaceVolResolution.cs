using Analytics.Api.Contracts.Pricing;

namespace Analytics.Api.Endpoints.Surfaces;

/// <summary>What <c>volSource: surface</c> came to for one request.</summary>
/// <param name="Request">The request to price: with the surface's vol when one was read, else unchanged.</param>
/// <param name="Surface">The surface the vol was read from, if any.</param>
/// <param name="MissingSurfaceOf">The (valid) underlying symbol that has no stored surface, if that is what happened.</param>
internal sealed record SurfaceVolResolution(OptionPriceRequest Request, StoredSurface? Surface, string? MissingSurfaceOf)
{
    /// <summary>The detail of the 422 for <see cref="MissingSurfaceOf"/>.</summary>
    public string MissingSurfaceDetail =>
        $"No surface of {MissingSurfaceOf} is stored, so the vol cannot be read from one: fit one (POST /api/v1/surfaces/fit) or give vol.";
}
