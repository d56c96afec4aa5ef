namespace Analytics.Api.Endpoints.Surfaces;

/// <summary>Why <see cref="PricingSurfaceSelector"/> found no surface to use.</summary>
internal enum SurfacePickFailure
{
    /// <summary>No published surface of the default model at or before the valuation time (field <c>underlying</c>).</summary>
    NoneAtOrBefore,

    /// <summary>The named <c>surfaceId</c> does not exist.</summary>
    UnknownId,

    /// <summary>The named surface is of another underlying.</summary>
    OtherUnderlying,

    /// <summary>The named surface is as of after the valuation time (look-ahead).</summary>
    AfterValuationTime,
}
