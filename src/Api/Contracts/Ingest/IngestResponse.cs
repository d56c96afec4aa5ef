using System.ComponentModel;

namespace Analytics.Api.Contracts.Ingest;

/// <summary>The batch was written.</summary>
public sealed record IngestResponse(
    [property: Description("Rows written by this request.")] long Inserted,
    [property: Description("Rows whose identity was already stored (re-sent rows); they changed nothing.")] long Duplicates);
