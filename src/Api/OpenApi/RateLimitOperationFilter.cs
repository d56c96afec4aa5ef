using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Analytics.Api.OpenApi;

/// <summary>Declares the rate limiter's (and the CPU budget's) 429 (with <c>Retry-After</c>) on every operation except the health checks.</summary>
internal sealed class RateLimitOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.RelativePath?.StartsWith("health", StringComparison.Ordinal) == true) return;
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("429", new OpenApiResponse
        {
            Description = "Over the client's rate limit (`RateLimits`), or, on the operations that estimate their CPU (their " +
                          "descriptions say so), over the client's CPU budget per second: problem details; retry after the `Retry-After` seconds.",
            Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
            },
        });
    }
}
