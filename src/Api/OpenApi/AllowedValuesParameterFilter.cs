using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Analytics.Api.OpenApi;

/// <summary>A parameter marked <see cref="AllowedValuesAttribute"/> gets those values as its schema's <c>enum</c>.</summary>
internal sealed class AllowedValuesParameterFilter : IParameterFilter
{
    public void Apply(IOpenApiParameter parameter, ParameterFilterContext context)
    {
        if (context.ParameterInfo?.GetCustomAttribute<AllowedValuesAttribute>() is not { } allowed) return;
        if (parameter.Schema is not OpenApiSchema schema) return;
        schema.Enum = allowed.Values.Select(v => (JsonNode)JsonValue.Create(v?.ToString())!).ToList();
    }
}
