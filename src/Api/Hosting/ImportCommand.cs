using Analytics.Data;
using Analytics.Data.Ingestion;
using Analytics.Data.Ingestion.Formats;
using Analytics.Data.Ingestion.Parsing;

namespace Analytics.Api.Hosting;

/// <summary>
/// <c>dotnet Analytics.Api.dll import --kind quotes --format deribit-snapshot [--venue v] [--interval-hours h]
/// [--utc-offset-hours h] [--market m] [--source s] [--underlying u] [--time-column c] [--value-column c]
/// [--underlying-column c] [--time-zone z] [--date-format f] FILE...</c> (the last five for <c>--format price-csv</c>): the same all-or-nothing ingest as the
/// POST endpoints, one transaction per file, into the configured database. Media type from the extension
/// (.csv, .ndjson/.jsonl, .json). Exit code 0 when every file was written, 1 otherwise.
/// </summary>
public sealed record ImportCommand(IngestKind Kind, string? Format, IReadOnlyDictionary<string, string?> Parameters, IReadOnlyList<string> Files)
{
    public const string Verb = "import";

    public const string Usage =
        "usage: import --kind trades|quotes|funding|prices [--format F] [--venue V] [--interval-hours H] [--utc-offset-hours H] " +
        "[--market M] [--source S] [--underlying U] [--time-column C] [--value-column C] [--underlying-column C] [--time-zone Z] " +
        "[--date-format F] FILE...";

    /// <summary>
    /// False (after printing why) when <paramref name="args"/> start with <c>import</c> but are not a valid import;
    /// otherwise true, with the command or null when the verb is not <c>import</c>.
    /// </summary>
    public static bool TryParse(string[] args, out ImportCommand? command)
    {
        try
        {
            command = Parse(args);
            return true;
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"import: {ex.Message}\n{Usage}");
            command = null;
            return false;
        }
    }

    private static ImportCommand? Parse(string[] args)
    {
        if (args.Length == 0 || args[0] != Verb) return null;
        var options = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var files = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) { files.Add(args[i]); continue; }
            if (i + 1 >= args.Length) throw new ArgumentException($"{args[i]} needs a value.");
            options[args[i][2..].Replace("-", "", StringComparison.Ordinal)] = args[++i];
        }
        if (!options.Remove("kind", out var kindText) || !Enum.TryParse<IngestKind>(kindText, ignoreCase: true, out var kind))
            throw new ArgumentException("--kind trades|quotes|funding|prices is required.");
        if (files.Count == 0) throw new ArgumentException("name at least one FILE to import.");
        options.Remove("format", out var format);
        return new ImportCommand(kind, format, options, files);
    }

    public async Task<int> RunAsync(WebApplication app)
    {
        var failed = 0;
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        foreach (var file in Files)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
            await using var stream = File.OpenRead(file);
            try
            {
                var result = await Ingestor.IngestAsync(db, Kind, MediaType(file), Format, new FormatParameters(Parameters), stream, now, CancellationToken.None);
                if (result.Succeeded)
                {
                    Console.WriteLine($"{file}: {result.Inserted} inserted, {result.Duplicates} duplicates");
                    continue;
                }
                failed++;
                Console.Error.WriteLine($"{file}: {result.Rejected} row(s) rejected, nothing written");
                foreach (var e in result.Errors.Take(20)) Console.Error.WriteLine($"  row {e.Row} {e.Field}: {e.Message}");
            }
            catch (IngestFormatException ex)
            {
                failed++;
                Console.Error.WriteLine($"{file}: {ex.Field}: {ex.Message} (nothing written)");
            }
        }
        return failed == 0 ? 0 : 1;
    }

    private static string MediaType(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".ndjson" or ".jsonl" => RecordSources.NdJson,
        ".json" => RecordSources.Json,
        _ => RecordSources.Csv,
    };
}
