using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Analytics.Api.Contracts.Pricing;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Analytics.Api.OpenApi;

/// <summary>
/// Shows an example request body in Swagger UI for every request contract with a static <c>Example</c> property,
/// serialised with the API's own JSON options (so enum ids and names are what the API accepts).
/// </summary>
internal sealed class RequestExampleOperationFilter(IOptions<JsonOptions> jsonOptions) : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.RequestBody?.Content is null) return;
        var bodyType = context.ApiDescription.ParameterDescriptions
            .FirstOrDefault(p => p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Body)?.Type;
        if (bodyType is null) return;
        var isBatch = bodyType.IsGenericType && bodyType.GetGenericTypeDefinition() == typeof(BatchRequest<>);
        var itemType = isBatch ? bodyType.GetGenericArguments()[0] : bodyType;
        var example = itemType.GetProperty("Example", BindingFlags.Public | BindingFlags.Static)?.GetValue(null);
        if (example is null) return;

        var node = JsonSerializer.SerializeToNode(example, itemType, jsonOptions.Value.SerializerOptions);
        if (node is JsonObject obj)
            foreach (var nullProperty in obj.Where(p => p.Value is null).Select(p => p.Key).ToList())
                obj.Remove(nullProperty);
        if (isBatch)
            node = new JsonObject { ["options"] = new JsonArray(node, node!.DeepClone()) };
        foreach (var media in operation.RequestBody.Content.Values)
            media.Example = node;
    }
}
