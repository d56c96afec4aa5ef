namespace Analytics.Api.Contracts.Pricing;

/// <summary>Where a price request's vol comes from (API.md, Pricing).</summary>
public enum VolSource
{
    /// <summary>The request's own <c>vol</c>.</summary>
    Given,

    /// <summary>The latest fitted surface of the request's <c>underlying</c>.</summary>
    Surface,
}
