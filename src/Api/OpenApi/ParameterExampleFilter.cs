using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Analytics.Api.OpenApi;

/// <summary>A parameter marked <see cref="ParameterExampleAttribute"/> gets that value as its <c>example</c>.</summary>
internal sealed class ParameterExampleFilter : IParameterFilter
{
    public void Apply(IOpenApiParameter parameter, ParameterFilterContext context)
    {
        if (context.ParameterInfo?.GetCustomAttribute<ParameterExampleAttribute>() is not { } example) return;
        if (parameter is not OpenApiParameter concrete) return;
        var type = Nullable.GetUnderlyingType(context.ParameterInfo.ParameterType) ?? context.ParameterInfo.ParameterType;
        concrete.Example = type == typeof(double) && double.TryParse(example.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : JsonValue.Create(example.Value);
    }
}
