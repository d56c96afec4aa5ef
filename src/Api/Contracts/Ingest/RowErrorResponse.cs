using System.ComponentModel;

namespace Analytics.Api.Contracts.Ingest;

/// <summary>Why one row was rejected.</summary>
public sealed record RowErrorResponse(
    [property: Description("1-based data row: CSV line after the header, array element, or NDJSON line.")] long Row,
    [property: Description("The field (column) at fault, as named in the input.")] string Field,
    [property: Description("The reason.")] string Message);
