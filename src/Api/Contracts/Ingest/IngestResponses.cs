using System.ComponentModel;

namespace Analytics.Api.Contracts.Ingest;

/// <summary>The batch was written.</summary>
public sealed record IngestResponse(
    [property: Description("Rows written by this request.")] long Inserted,
    [property: Description("Rows whose identity was already stored (re-sent rows); they changed nothing.")] long Duplicates);

/// <summary>The batch was refused and nothing was written (RFC 9457 problem with these members).</summary>
public sealed record IngestRejectionResponse(
    [property: Description("Problem type URI.")] string? Type,
    [property: Description("Short summary.")] string Title,
    [property: Description("422.")] int Status,
    [property: Description("How many rows were rejected (every one is counted; at most 1,000 are listed).")] long Rejected,
    [property: Description("Rejected rows in row order.")] IReadOnlyList<RowErrorResponse> Errors);

/// <summary>Why one row was rejected.</summary>
public sealed record RowErrorResponse(
    [property: Description("1-based data row: CSV line after the header, array element, or NDJSON line.")] long Row,
    [property: Description("The field (column) at fault, as named in the input.")] string Field,
    [property: Description("The reason.")] string Message);
