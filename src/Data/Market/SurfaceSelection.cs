using Analytics.Pricing.Surfaces;

namespace Analytics.Data.Market;

/// <summary>Which stored surface to price with (<see cref="SurfaceStore.SelectIdAsync"/>): never one fitted after the instant.</summary>
/// <param name="Underlying">Underlying symbol, upper case.</param>
/// <param name="AtOrBeforeUtc">The valuation instant: only surfaces with an as-of at or before it are candidates.</param>
/// <param name="Model">The model the surface must have; null for any.</param>
/// <param name="PublishedOnly">Whether only published surfaces are candidates.</param>
public sealed record SurfaceSelection(string Underlying, DateTimeOffset AtOrBeforeUtc, SurfaceModel? Model, bool PublishedOnly)
{
    /// <summary>What pricing uses: published surfaces of <paramref name="model"/> at or before <paramref name="atOrBeforeUtc"/>.</summary>
    public static SurfaceSelection ForPricing(string underlying, DateTimeOffset atOrBeforeUtc, SurfaceModel model) =>
        new(underlying, atOrBeforeUtc, model, PublishedOnly: true);
}
