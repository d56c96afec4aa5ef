using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Analytics.Api.Errors;

/// <summary>
/// The one way to answer with an RFC 9457 problem whose <c>errors</c> map names the fields at fault (API.md "Errors"):
/// <c>{ type, title, status, detail, errors: { field: [reason] }, …further members, requestId }</c>. The <c>errors</c>
/// member always comes first among the extension members, so every endpoint writes the same bytes for the same problem.
/// </summary>
public static class Problems
{
    /// <summary>A problem whose <c>errors</c> map is <paramref name="errors"/>, followed by <paramref name="members"/>.</summary>
    public static ProblemHttpResult WithErrors(
        int status, string title, string detail, IReadOnlyDictionary<string, string[]> errors, params (string Name, object? Value)[] members)
    {
        var extensions = new Dictionary<string, object?> { ["errors"] = errors };
        foreach (var (name, value) in members)
            extensions.Add(name, value);
        return TypedResults.Problem(statusCode: status, title: title, detail: detail, extensions: extensions);
    }

    /// <summary>A problem about one field: the <c>errors</c> map gives <paramref name="field"/> the detail as its reason.</summary>
    public static ProblemHttpResult ForField(int status, string title, string detail, string field, params (string Name, object? Value)[] members) =>
        WithErrors(status, title, detail, Single(field, detail), members);

    /// <summary>A 400 validation problem about one field.</summary>
    public static ValidationProblem Invalid(string field, string message, string title) =>
        TypedResults.ValidationProblem(Single(field, message), title: title);

    /// <summary>
    /// The same problem as a <see cref="ProblemDetails"/>, for code that writes through <see cref="IProblemDetailsService"/>
    /// (the exception handler) rather than returning a result.
    /// </summary>
    public static ValidationProblemDetails Details(int status, string title, string? detail, IDictionary<string, string[]> errors) =>
        new(errors) { Status = status, Title = title, Detail = detail };

    /// <summary>
    /// The problem <c>type</c> of a status: the defining RFC section, so every problem carries a type (issue 17). The
    /// framework's writer sets the common ones itself; <see cref="FallbackProblemDetailsWriter"/> does not, so they are
    /// here too, with the same sections. Null for a status without one.
    /// </summary>
    public static string? TypeFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        StatusCodes.Status401Unauthorized => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        StatusCodes.Status403Forbidden => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        StatusCodes.Status404NotFound => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        StatusCodes.Status405MethodNotAllowed => "https://tools.ietf.org/html/rfc9110#section-15.5.6",
        StatusCodes.Status406NotAcceptable => "https://tools.ietf.org/html/rfc9110#section-15.5.7",
        StatusCodes.Status408RequestTimeout => "https://tools.ietf.org/html/rfc9110#section-15.5.9",
        StatusCodes.Status409Conflict => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        StatusCodes.Status412PreconditionFailed => "https://tools.ietf.org/html/rfc9110#section-15.5.13",
        StatusCodes.Status413PayloadTooLarge => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        StatusCodes.Status414UriTooLong => "https://tools.ietf.org/html/rfc9110#section-15.5.15",
        StatusCodes.Status415UnsupportedMediaType => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        StatusCodes.Status422UnprocessableEntity => "https://tools.ietf.org/html/rfc9110#section-15.5.21",
        StatusCodes.Status429TooManyRequests => "https://tools.ietf.org/html/rfc6585#section-4",
        StatusCodes.Status431RequestHeaderFieldsTooLarge => "https://tools.ietf.org/html/rfc6585#section-5",
        StatusCodes.Status500InternalServerError => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
        StatusCodes.Status503ServiceUnavailable => "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        _ => null,
    };

    /// <summary>An <c>errors</c> map naming one field.</summary>
    public static Dictionary<string, string[]> Single(string field, string message) => new() { [field] = [message] };
}
