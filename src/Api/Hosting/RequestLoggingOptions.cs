using System.ComponentModel.DataAnnotations;

namespace Analytics.Api.Hosting;

/// <summary>The <c>RequestLogging</c> configuration section: which responses are sampled in the request log.</summary>
public sealed class RequestLoggingOptions
{
    public const string SectionName = "RequestLogging";

    /// <summary>Statuses logged once per client and window instead of once per request (default: 429).</summary>
    public int[] SampledStatuses { get; set; } = [StatusCodes.Status429TooManyRequests];

    /// <summary>The sampling window, seconds (default 10).</summary>
    [Range(1, 3600)]
    public int SampleWindowSeconds { get; set; } = 10;
}
