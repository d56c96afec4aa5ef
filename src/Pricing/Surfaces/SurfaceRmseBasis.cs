namespace Analytics.Pricing.Surfaces;

/// <summary>What the slice fit errors of a <see cref="SurfaceQualityVerdict"/> were measured against.</summary>
public enum SurfaceRmseBasis
{
    /// <summary>Every slice against the venue's mark vols. API id <c>venue-marks</c>.</summary>
    VenueMarks = 0,

    /// <summary>No point carried a venue mark: every slice against the market mid vols. API id <c>mids</c>.</summary>
    Mids = 1,

    /// <summary>Slices with venue marks against them, the others against mids. API id <c>venue-marks-else-mids</c>.</summary>
    VenueMarksElseMids = 2,
}
