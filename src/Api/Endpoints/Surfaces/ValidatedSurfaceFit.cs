using Analytics.Pricing.Surfaces;

namespace Analytics.Api.Endpoints.Surfaces;

/// <summary>A fit request that passed validation; <c>Quotes</c> is null when the indexed quotes are to be used.</summary>
internal sealed record ValidatedSurfaceFit(string Underlying, DateTimeOffset AsOfUtc, SurfaceModel Model, IReadOnlyList<SurfaceQuote>? Quotes);
