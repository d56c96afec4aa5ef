using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Analytics.Api.OpenApi;

/// <summary>
/// Applies <see cref="OperationExamples"/>: parameter examples, JSON request body examples (replacing a
/// shared contract's example), and response links that fill one operation's parameter from another's response.
/// </summary>
internal sealed class OperationExampleFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.OperationId is not { } id) return;

        if (OperationExamples.Parameters.TryGetValue(id, out var examples) && operation.Parameters is { } parameters)
            foreach (var parameter in parameters.OfType<OpenApiParameter>())
                if (parameter.Name is { } name && examples.TryGetValue(name, out var example))
                    parameter.Example = example.DeepClone();

        if (OperationExamples.Bodies.TryGetValue(id, out var body) && operation.RequestBody?.Content is { } content
            && content.TryGetValue("application/json", out var json) && json is OpenApiMediaType media)
            media.Example = body.DeepClone();

        foreach (var link in OperationExamples.Links.Where(l => l.OperationId == id))
        {
            if (operation.Responses?.TryGetValue(link.Status, out var response) != true || response is not OpenApiResponse concrete) continue;
            concrete.Links ??= new Dictionary<string, IOpenApiLink>();
            concrete.Links[link.Name] = new OpenApiLink
            {
                OperationId = link.TargetOperationId,
                Parameters = new Dictionary<string, RuntimeExpressionAnyWrapper>
                {
                    [link.Parameter] = new() { Expression = RuntimeExpression.Build("$response.body#" + link.Pointer) },
                },
            };
        }
    }
}
