using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Analytics.Api.OpenApi;

/// <summary>Copies <see cref="DescriptionAttribute"/> texts (with units) from contract properties into the schema.</summary>
internal sealed class DescriptionSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || concrete.Properties is null) return;
        if (context.Type.GetCustomAttribute<DescriptionAttribute>() is { } typeDescription)
            concrete.Description ??= typeDescription.Description;
        foreach (var property in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<DescriptionAttribute>() is not { } description) continue;
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (!concrete.Properties.TryGetValue(name, out var propertySchema)) continue;
            switch (propertySchema)
            {
                case OpenApiSchema inline:
                    inline.Description = description.Description;
                    break;
                case OpenApiSchemaReference reference:
                    reference.Description = description.Description;
                    break;
            }
        }
    }
}
