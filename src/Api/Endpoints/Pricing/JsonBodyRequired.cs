namespace Analytics.Api.Endpoints.Pricing;

/// <summary>
/// For endpoints that read their JSON body themselves (the batches): a body without a JSON content type is a 415
/// problem, as the framework answers for endpoints with a typed body (issue 17: one rule for single and batch).
/// </summary>
internal static class JsonBodyRequired
{
    public static RouteHandlerBuilder RequireJsonBody(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(static async (context, next) =>
            context.HttpContext.Request.HasJsonContentType()
                ? await next(context)
                : TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                    detail: "Send the batch as JSON: Content-Type: application/json."))
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
}
