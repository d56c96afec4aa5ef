using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Analytics.Api.Errors;

/// <summary>
/// Turns every exception that reaches the pipeline into an RFC 9457 problem: unreadable request bodies
/// (malformed JSON, wrong types, NaN, unknown enum values) become 400 with the offending field in <c>errors</c>,
/// oversized bodies 413, and anything unexpected a 500 that is logged with its request id.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException { StatusCode: 413 } => new ProblemDetails
            {
                Status = 413, Title = "Request body too large", Detail = exception.Message,
            },
            BadHttpRequestException { InnerException: JsonException json } => JsonProblem(json, RequestType(context)),
            BadHttpRequestException bad => Problems.Details(bad.StatusCode, "The request could not be read", null, Problems.Single(FieldOf(bad), BodyReason(bad))),
            JsonException json => JsonProblem(json, RequestType(context)),
            _ when Endpoints.Pricing.EngineFailure.Describe(exception) is { } failure =>
                Problems.Details(failure.Status, failure.Title, failure.Errors["engine"][0], failure.Errors.ToDictionary(e => e.Key, e => e.Value)),
            _ => null,
        };

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
            problem = new ProblemDetails { Status = 500, Title = "Internal error", Detail = "The error was logged with this request's id." };
        }

        context.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The endpoint's declared request contract, to name the type a field expects.</summary>
    private static Type? RequestType(HttpContext context) =>
        (context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint())?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.RequestType;

    /// <summary>
    /// The query or route parameter a binding failure names ("Failed to bind parameter \"double? strike\" from
    /// \"abc\"." → <c>strike</c>); <c>body</c> otherwise.
    /// </summary>
    private static string FieldOf(BadHttpRequestException bad)
    {
        const string Prefix = "Failed to bind parameter \"";
        if (!bad.Message.StartsWith(Prefix, StringComparison.Ordinal)) return "body";
        var end = bad.Message.IndexOf('"', Prefix.Length);
        var declaration = end > 0 ? bad.Message[Prefix.Length..end] : "";
        var name = declaration.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        return string.IsNullOrEmpty(name) ? "body" : name;
    }

    private static string BodyReason(BadHttpRequestException bad) =>
        bad.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal) || bad.Message.StartsWith("Required parameter", StringComparison.Ordinal)
            ? "A JSON request body is required (Content-Type: application/json)."
            : bad.Message;

    private static ValidationProblemDetails JsonProblem(JsonException json, Type? requestType) =>
        JsonPaths.DuplicateField(json) is { } duplicate
            ? Problems.Details(400, "The request body gives a field twice", "See `errors` for the field.", Problems.Single(duplicate, JsonPaths.DuplicateReason))
            : Problems.Details(400, "The request body is not valid JSON for this operation", "See `errors` for the field and the reason.",
            Problems.Single(JsonPaths.ToFieldName(json.Path), JsonPaths.Describe(json, requestType)));
}
