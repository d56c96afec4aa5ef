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

    /// <summary>Checks an optional number: finite and inside [min, max] (or (min, max] when <paramref name="minExclusive"/>).</summary>
    public double? Range(string field, double? value, double min, double max, string unit, bool minExclusive = false)
    {
        if (value is not { } v) return null;
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

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
