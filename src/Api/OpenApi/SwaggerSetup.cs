using System.Reflection;
using Analytics.Api.Auth;
using Microsoft.OpenApi;

namespace Analytics.Api.OpenApi;

/// <summary>Swagger UI at <c>/swagger</c> and the OpenAPI document at <c>/swagger/v1/swagger.json</c>.</summary>
public static class SwaggerSetup
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddAnalyticsSwagger(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "L2 derivatives pricing and risk analytics",
                Version = "v1",
                Description = """
                    Prices and risk for crypto derivatives on Layer-2 rollups.

                    Conventions: rates, yields, carry and vols are annualised decimals (0.05 = 5 %), rates continuously
                    compounded; instants are ISO-8601 UTC; tenors are years by Act/365F; money is USD unless a field says
                    otherwise. Errors are RFC 9457 problem details with a field-level `errors` map.

                    A date-only expiry (`2026-03-27`) means 08:00 UTC that day, the crypto venues' expiry time, on every
                    endpoint and in every ingested row. Identifiers are case-insensitive everywhere (bodies, query filters,
                    paths, ingest): underlyings, collateral assets and perp markets are stored and answered upper case
                    (`ETH`, `ETH-USDT`), chain ids, venues and price sources lower case (`arbitrum-one`, `deribit`).

                    Authentication: an `X-Api-Key` header. Roles reader < writer < admin; reads may be anonymous when the
                    service allows it (the embedded setup does).
                    """,
            });
            o.AddSecurityDefinition(AuthNames.ApiKeyScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = AuthNames.ApiKeyHeader,
                Description = "API key. Roles: reader (reads and compute-only POSTs), writer (ingest, fits, portfolios), admin (jobs, dashboard).",
            });
            o.UseAllOfToExtendReferenceSchemas(); // keeps the description beside a $ref (enum-typed fields)
            o.UseOneOfForPolymorphism(); // batch slots: a result or an error
            o.OperationFilter<RoleOperationFilter>();
            o.OperationFilter<RequestExampleOperationFilter>();
            o.OperationFilter<OperationExampleFilter>();
            o.OperationFilter<RateLimitOperationFilter>();
            o.ParameterFilter<AllowedValuesParameterFilter>();
            o.SchemaFilter<DescriptionSchemaFilter>();
            o.SchemaFilter<PricingEnumSchemaFilter>();
            var defaultSchemaId = o.SchemaGeneratorOptions.SchemaIdSelector;
            o.CustomSchemaIds(type => PricingEnumSchemaFilter.SchemaId(type) ?? defaultSchemaId(type));
            var xml = Path.Combine(AppContext.BaseDirectory, $"{Assembly.GetExecutingAssembly().GetName().Name}.xml");
            if (File.Exists(xml)) o.IncludeXmlComments(xml);
        });
        return services;
    }

    /// <summary>
    /// <c>Swagger:Enabled</c>: serve the OpenAPI document and Swagger UI. Default: on in Development (<c>make run</c>), off
    /// elsewhere; a production deployment that publishes its contract to integrators turns it on.
    /// </summary>
    public static bool IsEnabled(WebApplication app) => app.Configuration.GetValue<bool?>("Swagger:Enabled") ?? app.Environment.IsDevelopment();

    public static WebApplication UseAnalyticsSwagger(this WebApplication app)
    {
        if (!IsEnabled(app)) return app;
        app.UseSwagger();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint($"/swagger/{DocumentName}/swagger.json", "Analytics v1");
            o.DocumentTitle = "L2 analytics API";
            o.EnableTryItOutByDefault();
            o.DisplayRequestDuration();
        });
        return app;
    }
}
