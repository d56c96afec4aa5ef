namespace Analytics.Pricing.Surfaces;

/// <summary>Status of a slice calibration.</summary>
public enum SviFitStatus
{
    /// <summary>Parameters were found.</summary>
    Calibrated = 0,

    /// <summary>Fewer than five usable points (raw SVI has five parameters).</summary>
    TooFewPoints = 1,

    /// <summary>Inputs are not finite or weights are all zero.</summary>
    InvalidInput = 2,
}
