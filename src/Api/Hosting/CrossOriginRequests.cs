using Analytics.Api.Options;
using Microsoft.Extensions.Options;

namespace Analytics.Api.Hosting;

/// <summary>
/// CORS for the origins in <c>Cors:AllowedOrigins</c> (<see cref="CorsSettings"/>): a browser UI on another origin may call
/// every endpoint with any method and header (the API key travels in <c>X-Api-Key</c>, never in cookies, so credentials
/// are not allowed), and reads the <c>ETag</c>, <c>Location</c>, <c>Retry-After</c> and <c>X-Request-Id</c> headers.
/// Preflights are answered before authentication and rate limits. With no origin configured nothing is added.
/// </summary>
internal static class CrossOriginRequests
{
    private const string PolicyName = "configured-origins";

    public static IServiceCollection AddAnalyticsCors(this IServiceCollection services)
    {
        services.AddOptions<CorsSettings>().BindConfiguration(CorsSettings.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<IOptions<CorsSettings>>((cors, settings) =>
            {
                var patterns = settings.Value.AllowedOrigins.Select(CorsOriginPattern.TryParse).OfType<CorsOriginPattern>().ToArray();
                cors.AddPolicy(PolicyName, policy => policy
                    .SetIsOriginAllowed(origin => Uri.TryCreate(origin, UriKind.Absolute, out var uri) && patterns.Any(p => p.Matches(uri)))
                    .AllowAnyMethod()
                    .AllowAnyHeader()
                    .WithExposedHeaders("ETag", "Location", "Retry-After", "X-Request-Id")
                    .SetPreflightMaxAge(TimeSpan.FromSeconds(settings.Value.PreflightMaxAgeSeconds)));
            });
        return services;
    }

    public static WebApplication UseAnalyticsCors(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<CorsSettings>>().Value.AllowedOrigins.Count > 0)
            app.UseCors(PolicyName);
        return app;
    }
}
