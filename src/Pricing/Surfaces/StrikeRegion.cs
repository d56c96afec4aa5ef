namespace Analytics.Pricing.Surfaces;

/// <summary>Where a log-moneyness lies against the strikes quoted on both sides (see <see cref="SurfaceExtrapolation"/>).</summary>
public enum StrikeRegion
{
    /// <summary>Within the quoted range: the fit is interpolating between two-sided quotes.</summary>
    WithinQuotedRange = 0,

    /// <summary>Below the lowest quoted log-moneyness: the SVI wing extrapolates.</summary>
    BelowQuotedRange = 1,

    /// <summary>Above the highest quoted log-moneyness: the SVI wing extrapolates.</summary>
    AboveQuotedRange = 2,
}
