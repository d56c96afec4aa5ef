namespace Analytics.Pricing.Surfaces;

/// <summary>Where a tenor lies against a surface's slices (see <see cref="SurfaceExtrapolation"/>).</summary>
public enum TenorRegion
{
    /// <summary>On a fitted slice's own tenor.</summary>
    OnSlice = 0,

    /// <summary>Between two slices: total variance linear in T at fixed k.</summary>
    BetweenSlices = 1,

    /// <summary>Before the first slice: that slice's vol at fixed k held constant.</summary>
    BeforeFirstSlice = 2,

    /// <summary>After the last slice: that slice's vol at fixed k held constant.</summary>
    AfterLastSlice = 3,
}
