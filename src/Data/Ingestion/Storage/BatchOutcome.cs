namespace Analytics.Data.Ingestion.Storage;

/// <summary>What a batch did to the target: how many rows were new, and the rows that repeat an earlier row's identity.</summary>
internal sealed record BatchOutcome(long Inserted, Repeats Repeats);
