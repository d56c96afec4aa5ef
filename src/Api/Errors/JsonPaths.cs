using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Analytics.Api.Serialization;

namespace Analytics.Api.Errors;

/// <summary>Field names and plain reasons from System.Text.Json's exceptions.</summary>
internal static partial class JsonPaths
{
    /// <summary><c>$.options[3].spot</c> → <c>options[3].spot</c>; the whole body → <c>body</c>.</summary>
    public static string ToFieldName(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    /// <summary>
    /// The field a "Duplicate property 'name' encountered…" exception names (AllowDuplicateProperties = false), as a path
    /// below the exception's object path; null for any other exception. The name is the one in the JSON text.
    /// </summary>
    public static string? DuplicateField(JsonException json)
    {
        const string Prefix = "Duplicate propert";
        if (!json.Message.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var start = json.Message.IndexOf('\'', StringComparison.Ordinal);
        var end = start < 0 ? -1 : json.Message.IndexOf("' encountered", start + 1, StringComparison.Ordinal);
        var name = end > start ? json.Message[(start + 1)..end] : null;
        var path = ToFieldName(json.Path);
        if (string.IsNullOrEmpty(name)) return path;
        if (path == "body") return name;
        // The serializer reports the path of the property it was reading, which is the duplicate itself, or its object.
        return path == name || path.EndsWith("." + name, StringComparison.Ordinal) || path.EndsWith($"['{name}']", StringComparison.Ordinal)
            ? path : $"{path}.{name}";
    }

    /// <summary>The reason given for a duplicated name, on every JSON endpoint alike.</summary>
    public const string DuplicateReason = "is given more than once in its object; give each field once.";

    /// <summary>
    /// Why the value at the exception's path was refused, phrased from the type the field has in
    /// <paramref name="bodyType"/> (the endpoint's request contract) when it can be found.
    /// </summary>
    public static string Describe(JsonException json, Type? bodyType)
    {
        var fieldType = FieldType(bodyType, json.Path);
        if (json.Message.StartsWith("The JSON property", StringComparison.Ordinal) && json.Message.Contains("could not be mapped", StringComparison.Ordinal))
            return "is not a field of this request (check the spelling; field names are camelCase).";
        if (fieldType is null)
            return StripPosition(json.Message);

        var expected = Expected(fieldType);
        return json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
            ? $"has the wrong type or an unknown value: expected {expected}."
            : $"is not valid JSON: expected {expected} ({StripPosition(json.Message)})";
    }

    private static string Expected(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum) return $"one of {string.Join(", ", EnumNames.Of(type).Select(n => $"\"{n}\""))}";
        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
            return "a finite number (NaN, Infinity and numbers in quotes are not accepted)";
        if (type == typeof(int) || type == typeof(long)) return "a whole number";
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) return "an ISO-8601 UTC instant such as \"2026-12-25T08:00:00Z\"";
        if (type == typeof(bool)) return "true or false";
        if (type == typeof(string)) return "a string";
        if (type.IsArray || (type.IsGenericType && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))))
            return "an array";
        return "an object";
    }

    /// <summary>Follows <c>$.a.b[2].c</c> through the contract's properties; null when the path leaves the contract.</summary>
    private static Type? FieldType(Type? root, string? path)
    {
        if (root is null || string.IsNullOrEmpty(path)) return null;
        var type = root;
        foreach (Match segment in PathSegment().Matches(path))
        {
            if (segment.Groups["index"].Success)
            {
                type = ElementType(type);
            }
            else
            {
                var property = type.GetProperty(segment.Groups["name"].Value, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                type = property?.PropertyType;
            }
            if (type is null) return null;
        }
        return type == root ? null : type;
    }

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType() : type.IsGenericType ? type.GetGenericArguments().FirstOrDefault() : null;

    private static string StripPosition(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    [GeneratedRegex(@"\.(?<name>[A-Za-z_][A-Za-z0-9_]*)|\[(?<index>\d+)\]")]
    private static partial Regex PathSegment();
}
