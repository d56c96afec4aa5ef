using System.Collections.Immutable;
using Analytics.Pricing.Surfaces;

namespace Analytics.Data.Market;

/// <summary>
/// A stored volatility surface as read back: the queryable <see cref="VolatilitySurface"/> rebuilt from its stored
/// parameters and diagnoses (never re-diagnosed), with what storage adds around it.
/// </summary>
/// <param name="Id">Surface id: one stored fit, never changed.</param>
/// <param name="Underlying">Underlying symbol, upper case.</param>
/// <param name="CreatedUtc">When the fit was stored.</param>
/// <param name="Surface">Slices with their points, parameters and butterfly diagnoses; the calendar report. Its
/// <see cref="VolatilitySurface.Ssvi"/> is null (the SSVI calibration trace is not stored; see <paramref name="Ssvi"/>) and
/// its slices' <see cref="SurfaceSlice.Elapsed"/> are zero.</param>
/// <param name="QuoteIds">Per slice and point of <paramref name="Surface"/>, the indexed quote id (null for posted quotes).</param>
/// <param name="Inputs">What the fit was given.</param>
/// <param name="Ssvi">SSVI parameters when the model is SSVI.</param>
/// <param name="QuotesUsed">Quotes kept as smile points.</param>
/// <param name="MedianRmseVolPoints">Median slice RMSE, vol points, as stored.</param>
/// <param name="ElapsedMilliseconds">Wall time of the calibration, milliseconds, as stored.</param>
/// <param name="PublishedUtc">When the surface was published for pricing, or null while it is not.</param>
/// <param name="QualityGate">The quality gate's verdict at fit time; null for fits stored before the gate existed.</param>
public sealed record StoredSurface(
    long Id,
    string Underlying,
    DateTimeOffset CreatedUtc,
    VolatilitySurface Surface,
    ImmutableArray<ImmutableArray<long?>> QuoteIds,
    SurfaceInputs Inputs,
    SsviParameters? Ssvi,
    int QuotesUsed,
    double? MedianRmseVolPoints,
    double ElapsedMilliseconds,
    DateTimeOffset? PublishedUtc,
    SurfaceQualityVerdict? QualityGate)
{
    /// <summary>Whether the surface is published for pricing.</summary>
    public bool IsPublished => PublishedUtc is not null;
}
