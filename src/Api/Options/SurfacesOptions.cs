using System.ComponentModel.DataAnnotations;

namespace Analytics.Api.Options;

/// <summary>The <c>Surfaces</c> section: how surface fits choose their quotes.</summary>
public sealed class SurfacesOptions : IValidatableObject
{
    public const string SectionName = "Surfaces";

    /// <summary>
    /// Oldest an indexed quote snapshot may be, measured back from the fit's <c>asOf</c>, for a fit of indexed quotes to
    /// use it; older is a 422 naming the snapshot and its age.
    /// </summary>
    public TimeSpan MaxSnapshotAge { get; set; } = TimeSpan.FromHours(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxSnapshotAge <= TimeSpan.Zero)
            yield return new ValidationResult($"Surfaces:MaxSnapshotAge '{MaxSnapshotAge}' must be positive.", [nameof(MaxSnapshotAge)]);
    }
}
