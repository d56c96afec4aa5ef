namespace Analytics.Api.Errors;

/// <summary>Collects field-level errors for an RFC 9457 validation problem (<c>errors</c> map, camelCase field names).</summary>
public sealed class FieldErrors(string prefix = "")
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string field, string message)
    {
        var key = prefix + field;
        if (!_errors.TryGetValue(key, out var list))
            _errors[key] = list = [];
        list.Add(message);
    }

    /// <summary>Checks an optional number: finite, not subnormal, and inside [min, max] (or (min, max] when <paramref name="minExclusive"/>).</summary>
    public double? Range(string field, double? value, double min, double max, string unit, bool minExclusive = false)
    {
        if (value is not { } v) return null;
        if (double.IsSubnormal(v))
        {
            // 5e-324 and its kind pass a "> 0" check but lose all precision in any formula (issue 14 item 1).
            Add(field, $"must not be subnormal (nonzero and closer to zero than {double.Epsilon * 4503599627370496.0:G3}); got {v}.");
            return null;
        }

        var ok = double.IsFinite(v) && (minExclusive ? v > min : v >= min) && v <= max;
        if (!ok) Add(field, $"must be a finite number {(minExclusive ? ">" : "≥")} {min} and ≤ {max} ({unit}); got {v}.");
        return ok ? v : null;
    }

    /// <summary>Like <see cref="Range"/>, and reports a missing value.</summary>
    public double? Required(string field, double? value, double min, double max, string unit, bool minExclusive = false)
    {
        if (value is null) Add(field, $"is required ({unit}).");
        return Range(field, value, min, max, unit, minExclusive);
    }

    /// <summary>The earliest and latest instants a query accepts: windows and default ranges computed from them stay representable.</summary>
    public static readonly DateTimeOffset EarliestInstant = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero), LatestInstant = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Checks an optional query instant against [<see cref="EarliestInstant"/>, <see cref="LatestInstant"/>); returns it in UTC.</summary>
    public DateTime? Instant(string field, DateTimeOffset? value)
    {
        if (value is not { } v) return null;
        if (v >= EarliestInstant && v < LatestInstant) return v.UtcDateTime;
        Add(field, $"must be from {EarliestInstant:yyyy-MM-dd} and before {LatestInstant:yyyy-MM-dd}; got {v:O}.");
        return null;
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
