using System.ComponentModel;

namespace Analytics.Api.Contracts.Ingest;

/// <summary>The batch was refused and nothing was written (RFC 9457 problem with these members).</summary>
public sealed record IngestRejectionResponse(
    [property: Description("Problem type URI.")] string? Type,
    [property: Description("Short summary.")] string Title,
    [property: Description("422.")] int Status,
    [property: Description("How many rows were rejected (every one is counted; at most 1,000 are listed).")] long Rejected,
    [property: Description("Rejected rows in row order.")] IReadOnlyList<RowErrorResponse> Errors);
