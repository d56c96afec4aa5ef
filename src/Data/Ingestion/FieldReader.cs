using System.Globalization;
using Analytics.Data.Ingestion.Parsing;
using Analytics.Data.Market;

namespace Analytics.Data.Ingestion;

/// <summary>
/// Reads typed, validated values from one <see cref="SourceRecord"/>, adding a <see cref="RowError"/> per bad
/// field. Numbers must be finite (NaN and Infinity are refused); instants must lie between
/// the kind's earliest instant (<see cref="EarliestUtc"/>, or <see cref="EarliestPriceUtc"/> for prices) and "now"
/// (from the injected clock) plus <see cref="FutureTolerance"/>.
/// </summary>
public sealed class FieldReader(SourceRecord record, List<RowError> errors, DateTime nowUtc, DateTime earliestUtc)
{
    /// <summary>No trade, quote or funding observation we index predates 2015 (no on-chain or crypto option venue did).</summary>
    public static readonly DateTime EarliestUtc = new(2015, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// Prices reach back to 2009-01-03, the Bitcoin genesis block (issue 14 item 8): price histories from other sources
    /// are older than the venues we index.
    /// </summary>
    public static readonly DateTime EarliestPriceUtc = new(2009, 1, 3, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Clock skew allowed between a producer and this service.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    public SourceRecord Record => record;

    /// <summary>"Now" of the injected clock, the bound of <see cref="CheckRange"/>.</summary>
    public DateTime NowUtc => nowUtc;
    public bool HasErrors { get; private set; }

    public void Error(string field, string message)
    {
        HasErrors = true;
        errors.Add(new RowError(record.Row, field, message));
    }

    public string? Text(string field, bool required = true, int maxLength = 100)
    {
        var value = record[field]?.Trim();
        if (string.IsNullOrEmpty(value)) { if (required) Error(field, "is required."); return null; }
        if (value.Length > maxLength) { Error(field, $"is longer than {maxLength} characters."); return null; }
        return value;
    }

    /// <summary>
    /// An identifier of <paramref name="kind"/>: text (in JSON a string: a number or <c>true</c>/<c>false</c> is refused,
    /// whose text such as <c>1e309</c> or <c>true</c> would pass the class), normalised to its canonical case
    /// (<see cref="Identifiers"/>), then held to its character class (<see cref="Identifiers.Rule"/>); a row error naming
    /// the field otherwise.
    /// </summary>
    public string? Identifier(string field, IdentifierKind kind, bool required = true)
    {
        var text = Text(field, required, maxLength: 130);
        if (text is null) return null;
        if (record.IsJsonNonString(field))
        {
            Error(field, $"must be a JSON string (a number or true/false is not a {field}).");
            return null;
        }
        var value = Identifiers.Normalise(kind, text);
        if (Identifiers.IsWellFormed(kind, value)) return value;
        Error(field, $"is not a well-formed {field}: expected {Identifiers.Rule(kind).Description}.");
        return null;
    }

    public string? Choice(string field, IReadOnlyList<string> allowed, string? defaultValue = null)
    {
        var value = Text(field, required: defaultValue is null, maxLength: 32)?.ToLowerInvariant() ?? defaultValue;
        if (value is null || allowed.Contains(value)) return value;
        Error(field, $"must be one of {string.Join(", ", allowed)}; got '{record[field]}'.");
        return null;
    }

    /// <summary>A finite double in [min, max] (or (min, max] when <paramref name="minExclusive"/>).</summary>
    public double? Double(string field, bool required, double min = double.MinValue, double max = double.MaxValue, bool minExclusive = false, string unit = "")
    {
        var text = Text(field, required, 64);
        if (text is null) return null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        {
            Error(field, $"must be a finite number{Unit(unit)}; got '{text}'.");
            return null;
        }
        if ((minExclusive ? v <= min : v < min) || v > max)
        {
            Error(field, $"must be {(minExclusive ? ">" : "≥")} {min.ToString(CultureInfo.InvariantCulture)}" +
                         (max < double.MaxValue ? $" and ≤ {max.ToString(CultureInfo.InvariantCulture)}" : "") + $"{Unit(unit)}; got {text}.");
            return null;
        }
        return v;
    }

    /// <summary>An exact decimal (money); same rules as <see cref="Double"/>.</summary>
    public decimal? Decimal(string field, bool required, decimal? min = null, bool minExclusive = false, string unit = "")
    {
        var text = Text(field, required, 64);
        if (text is null) return null;
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
        {
            Error(field, $"must be a finite decimal number{Unit(unit)}; got '{text}'.");
            return null;
        }
        if (min is { } m && (minExclusive ? v <= m : v < m))
        {
            Error(field, $"must be {(minExclusive ? ">" : "≥")} {m.ToString(CultureInfo.InvariantCulture)}{Unit(unit)}; got {text}.");
            return null;
        }
        return v;
    }

    public long? Integer(string field, bool required, long min = 0, long max = long.MaxValue)
    {
        var text = Text(field, required, 24);
        if (text is null) return null;
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
        {
            Error(field, $"must be a whole number between {min} and {max}; got '{text}'.");
            return null;
        }
        return v;
    }

    /// <summary>An ISO-8601 instant (an offset or Z; without one it is taken as UTC), checked against the range.</summary>
    public DateTime? Instant(string field, bool required = true, bool mayBeFuture = false)
    {
        var text = Text(field, required, 64);
        if (text is null) return null;
        if (Iso8601Instant.TryParseUtc(text, out var utc)) return CheckRange(field, utc, mayBeFuture);
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            Error(field, $"must be an ISO-8601 instant such as 2026-01-05T15:33:29Z; got '{text}'.");
            return null;
        }
        return CheckRange(field, parsed.UtcDateTime, mayBeFuture);
    }

    /// <summary>
    /// An option expiry: <c>yyyy-MM-dd</c> alone means 08:00 UTC that day (<see cref="ExpiryConvention"/>), anything else is
    /// read as by <see cref="Instant"/>; expiries may lie in the future.
    /// </summary>
    public DateTime? Expiry(string field)
    {
        var text = record[field]?.Trim();
        if (text is { Length: 10 } && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return CheckRange(field, ExpiryConvention.OnDate(date), mayBeFuture: true);
        return Instant(field, mayBeFuture: true);
    }

    /// <summary>Range check shared by the venue formats that compute instants themselves.</summary>
    public DateTime? CheckRange(string field, DateTime utc, bool mayBeFuture = false)
    {
        if (utc < earliestUtc) { Error(field, $"is before {earliestUtc:yyyy-MM-dd}: {utc:O}."); return null; }
        if (!mayBeFuture && utc > nowUtc + FutureTolerance) { Error(field, $"is in the future ({utc:O}; now is {nowUtc:O})."); return null; }
        return utc;
    }

    private static string Unit(string unit) => unit.Length == 0 ? "" : $" ({unit})";
}
