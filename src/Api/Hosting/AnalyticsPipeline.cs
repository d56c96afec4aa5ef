using Analytics.Api.Auth;
using Analytics.Api.Endpoints;
using Analytics.Api.Endpoints.Pricing;
using Analytics.Api.Endpoints.Surfaces;
using Analytics.Api.OpenApi;
using Hangfire;

namespace Analytics.Api.Hosting;

public static class AnalyticsPipeline
{
    /// <summary>Client addresses behind a proxy, request ids and logs, problem details for every error, security headers, Swagger, CORS, authentication, rate limits.</summary>
    public static WebApplication UseAnalyticsPipeline(this WebApplication app)
    {
        app.UseAnalyticsForwardedHeaders();
        app.UseMiddleware<RequestLoggingMiddleware>(); // outside the exception handler: it logs the status the client got
        app.UseHeadAsGet(); // before routing, so HEAD is matched as the GET it mirrors; after the log, which says HEAD
        app.UseRouting();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseHttpHardening();
        app.UseAnalyticsSwagger();
        app.UseAnalyticsCors(); // preflights are answered here, before authentication and rate limits
        app.UseAuthentication();
        app.UseRateLimiter(); // after authentication: clients are told apart by their API key
        app.UseAuthorization();
        return app;
    }

    /// <summary>Every endpoint and the job dashboard (the recurring jobs are registered at start by the Jobs project).</summary>
    public static WebApplication MapAnalyticsEndpoints(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapPricingEndpoints().WithSurfaceVol();
        api.MapL2Endpoints().WithSurfaceVol();
        Endpoints.Structures.StructuresEndpoints.MapStructuresEndpoints(api);
        api.MapJobsEndpoints();
        api.MapAlertsEndpoints();
        api.MapIndexerEndpoints();
        api.MapPricesEndpoints();
        api.MapIngestEndpoints();
        api.MapTradesEndpoints();
        api.MapQuotesEndpoints();
        api.MapFundingEndpoints();
        api.MapMarketsEndpoints();
        Endpoints.Surfaces.SurfaceEndpoints.MapSurfaceEndpoints(api);
        Endpoints.Risk.RiskEndpoints.MapRiskEndpoints(api);
        Endpoints.Portfolios.PortfolioEndpoints.MapPortfolioEndpoints(api);
        Endpoints.Reports.ReportEndpoints.MapReportEndpoints(api);
        app.MapAuthEndpoints();
        app.MapHealthEndpoints();
        app.MapAnalyticsMetrics();
        if (SwaggerSetup.IsEnabled(app)) app.MapGet("/", () => Results.Redirect("/swagger")).ExcludeFromDescription();

        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new AdminDashboardAuthorizationFilter()],
            DashboardTitle = "L2 analytics jobs",
            AppPath = "/swagger",
            DisplayStorageConnectionString = false,
        }).RequireAuthorization(AuthNames.AdminPolicy);

        return app;
    }
}
