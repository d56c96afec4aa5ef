using System.ComponentModel.DataAnnotations;
using Analytics.Api.Serialization;
using Analytics.Pricing.Surfaces;

namespace Analytics.Api.Options;

/// <summary>The <c>Surfaces</c> section: how surface fits choose their quotes, when a fit is published, which surfaces price.</summary>
public sealed class SurfacesOptions : IValidatableObject
{
    public const string SectionName = "Surfaces";

    /// <summary>
    /// Oldest an indexed quote snapshot may be, measured back from the fit's <c>asOf</c>, for a fit of indexed quotes to
    /// use it; older is a 422 naming the snapshot and its age.
    /// </summary>
    public TimeSpan MaxSnapshotAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The model id (<c>svi</c> or <c>ssvi</c>) of the surfaces pricing, batches, structures and the option chain choose
    /// when a request names no surface.
    /// </summary>
    public string DefaultModel { get; set; } = "svi";

    /// <summary>
    /// Largest median slice RMSE, vol points, with which a fit still passes the quality gate and is published at once
    /// (against venue marks, or mids in slices without marks; <see cref="SurfaceQualityGate"/>).
    /// </summary>
    public double PublishMaxMedianRmseVolPoints { get; set; } = SurfaceQualityGate.DefaultMaxMedianRmseVolPoints;

    /// <summary><see cref="DefaultModel"/> as the model it names (valid once the options have been validated).</summary>
    public SurfaceModel DefaultSurfaceModel => ParseModel(DefaultModel) ?? SurfaceModel.Svi;

    /// <summary>The model whose API id is <paramref name="id"/> (case-insensitive), or null.</summary>
    public static SurfaceModel? ParseModel(string? id) =>
        id is not null && ModelsById.TryGetValue(id.Trim(), out var model) ? model : null;

    // The ids are read by reflection (EnumNames): once, not on every request that picks a surface.
    private static readonly Dictionary<string, SurfaceModel> ModelsById =
        Enum.GetValues<SurfaceModel>().ToDictionary(m => EnumNames.Of(m), StringComparer.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxSnapshotAge <= TimeSpan.Zero)
            yield return new ValidationResult($"Surfaces:MaxSnapshotAge '{MaxSnapshotAge}' must be positive.", [nameof(MaxSnapshotAge)]);
        if (ParseModel(DefaultModel) is null)
            yield return new ValidationResult(
                $"Surfaces:DefaultModel '{DefaultModel}' is not a surface model; models: {string.Join(", ", Enum.GetValues<SurfaceModel>().Select(m => EnumNames.Of(m)))}.",
                [nameof(DefaultModel)]);
        if (!double.IsFinite(PublishMaxMedianRmseVolPoints) || PublishMaxMedianRmseVolPoints < 0)
            yield return new ValidationResult(
                $"Surfaces:PublishMaxMedianRmseVolPoints '{PublishMaxMedianRmseVolPoints}' must be a finite number ≥ 0 (vol points).",
                [nameof(PublishMaxMedianRmseVolPoints)]);
    }
}
