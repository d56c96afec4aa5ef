using Microsoft.AspNetCore.Mvc;

namespace Analytics.Api.Errors;

/// <summary>
/// Bounds what a problem can echo back (issue 17, found by the fuzz suite): a reason that quotes a 1 MB string, or an
/// <c>errors</c> map with one entry per element of a 50,000-element array, made 1–4 MB answers to 300 KB–1 MB requests.
/// Every text (detail, field name, reason) is cut at <see cref="MaxTextChars"/> and the <c>errors</c> map keeps its
/// first <see cref="MaxErrors"/> fields, with <c>errorsOmitted</c> counting the rest. Applied once, where every
/// problem is written.
/// </summary>
public static class ProblemSize
{
    public const int MaxTextChars = 512;
    public const int MaxErrors = 100;

    public static void Bound(ProblemDetails problem)
    {
        problem.Title = Cut(problem.Title);
        problem.Detail = Cut(problem.Detail);
        var omitted = 0;
        if (problem is HttpValidationProblemDetails validation && NeedsBounding(validation.Errors))
        {
            var bounded = Bounded(validation.Errors, out omitted);
            validation.Errors.Clear();
            foreach (var (field, reasons) in bounded) validation.Errors[field] = reasons;
        }
        if (problem.Extensions.TryGetValue("errors", out var errors) && errors is IEnumerable<KeyValuePair<string, string[]>> map && NeedsBounding(map))
            problem.Extensions["errors"] = Bounded(map, out omitted);
        if (omitted > 0) problem.Extensions["errorsOmitted"] = omitted;
    }

    private static bool NeedsBounding(IEnumerable<KeyValuePair<string, string[]>> errors)
    {
        var count = 0;
        foreach (var (field, reasons) in errors)
            if (++count > MaxErrors || field.Length > MaxTextChars || reasons.Any(r => r?.Length > MaxTextChars)) return true;
        return false;
    }

    private static Dictionary<string, string[]> Bounded(IEnumerable<KeyValuePair<string, string[]>> errors, out int omitted)
    {
        var bounded = new Dictionary<string, string[]>(StringComparer.Ordinal);
        omitted = 0;
        foreach (var (field, reasons) in errors)
        {
            if (bounded.Count >= MaxErrors) { omitted++; continue; }
            bounded.TryAdd(Cut(field)!, [.. reasons.Take(MaxErrors).Select(r => Cut(r)!)]);
        }
        return bounded;
    }

    /// <summary>The text, or its first <see cref="MaxTextChars"/> characters (never half a surrogate pair) and how much was cut.</summary>
    public static string? Cut(string? text)
    {
        if (text is null || text.Length <= MaxTextChars) return text;
        var length = char.IsHighSurrogate(text[MaxTextChars - 1]) ? MaxTextChars - 1 : MaxTextChars;
        return $"{text[..length]}… ({text.Length - length} more characters)";
    }
}
