using System.Text;
using Analytics.Data.Ingestion;
using Analytics.Data.Ingestion.Formats;
using Analytics.TestSupport;

namespace Analytics.Data.Tests.Ingestion;

internal static class IngestHelper
{
    public static readonly DateTime Now = new(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);

    public static async Task<IngestResult> IngestTextAsync(TestDatabase database, IngestKind kind, string mediaType, string body,
        string? format = null, Dictionary<string, string?>? parameters = null, DateTime? nowUtc = null)
    {
        await using var db = database.NewContext();
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return await Ingestor.IngestAsync(db, kind, mediaType, format, new FormatParameters(parameters ?? []), stream, nowUtc ?? Now, TestContext.Current.CancellationToken);
    }

    public static async Task<IngestResult> IngestFileAsync(TestDatabase database, IngestKind kind, string path, string format,
        Dictionary<string, string?>? parameters = null)
    {
        await using var db = database.NewContext();
        await using var stream = File.OpenRead(path);
        return await Ingestor.IngestAsync(db, kind, "text/csv", format, new FormatParameters(parameters ?? []), stream, Now, TestContext.Current.CancellationToken);
    }
}
