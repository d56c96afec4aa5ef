using Analytics.Api.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Analytics.Api.OpenApi;

/// <summary>Marks each operation with the API-key scheme, the role it needs, and its 401/403 responses.</summary>
internal sealed class RoleOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any()) return;
        var policy = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
        if (policy is null) return;

        var role = policy switch
        {
            AuthNames.WritePolicy => "writer",
            AuthNames.AdminPolicy => "admin",
            _ => "reader (anonymous when the service allows anonymous reads)",
        };
        operation.Description = $"{operation.Description}\n\nRequires role: **{role}**.".Trim();
        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(AuthNames.ApiKeyScheme, context.Document)] = [] }];
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No X-Api-Key, or a key that matches none (problem details)." });
        operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The key's role may not do this (problem details)." });
    }
}
