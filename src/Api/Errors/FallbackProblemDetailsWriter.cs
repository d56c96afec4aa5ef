using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Analytics.Api.Errors;

/// <summary>
/// Writes a problem as <c>application/problem+json</c> whatever the request's <c>Accept</c> says, registered after the
/// framework's writer, which refuses a client that accepts neither JSON nor problem JSON (a browser's
/// <c>Accept: text/html</c>, <c>text/csv</c>, <c>image/svg+xml</c>). Without it such a request's 401, 403, 429 or 400
/// became a 500 (<c>IProblemDetailsService.WriteAsync</c> throws when no writer can write). An error body in a type
/// the client did not ask for is what RFC 9110 §12.1 allows; a 406 would hide the error.
/// </summary>
internal sealed class FallbackProblemDetailsWriter(IOptions<ProblemDetailsOptions> problemOptions, IOptions<HttpJsonOptions> jsonOptions) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Status ??= http.Response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        problemOptions.Value.CustomizeProblemDetails?.Invoke(context);
        var type = problem is HttpValidationProblemDetails ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails);
        return new ValueTask(http.Response.WriteAsJsonAsync(problem, type, jsonOptions.Value.SerializerOptions, "application/problem+json", http.RequestAborted));
    }
}
