using System.Text.Json;
using System.Text.Json.Serialization;
using Analytics.Api.Auth;
using Analytics.Api.Endpoints;
using Analytics.Api.Errors;
using Analytics.Api.Hosting.Logging;
using Analytics.Api.OpenApi;
using Analytics.Api.Options;
using Analytics.Data;
using Analytics.Data.Storage;
using Analytics.Jobs;
using Analytics.Pricing.QuantLib;
using Microsoft.AspNetCore.DataProtection;

namespace Analytics.Api.Hosting;

public static class AnalyticsServices
{
    /// <summary>Everything the service needs, read from configuration (keys fixed by PRODUCT.md §4).</summary>
    public static WebApplicationBuilder AddAnalyticsServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        builder.AddAnalyticsLogging();

        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        services.AddSingleton(storage);
        services.AddAnalyticsStorage(storage, builder.Environment.ContentRootPath);
        var jobs = configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();
        services.AddAnalyticsJobs(storage, jobs, builder.Environment.ContentRootPath);
        services.AddOptions<List<RecurringJobDefinition>>().BindConfiguration("Jobs:Recurring");

        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ChainsOptions>().BindConfiguration(ChainProfileOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RequestLoggingOptions>().BindConfiguration(RequestLoggingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SurfacesOptions>().BindConfiguration(SurfacesOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Data.Margin.MarginOptions>().BindConfiguration(Data.Margin.MarginOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        Data.Margin.MarginServiceCollectionExtensions.AddMargin(services);
        services.AddOptions<Data.Indexing.IndexerOptions>().BindConfiguration(Data.Indexing.IndexerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RiskOptions>().BindConfiguration(RiskOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        // What reports value with (the jobs read it too): the configured surface model and carry, as they are when the scope starts.
        services.AddScoped(sp => new Data.Reports.ReportEnvironment(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<SurfacesOptions>>().CurrentValue.DefaultSurfaceModel,
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<RiskOptions>>().CurrentValue.Defaults));
        services.AddAnalyticsCors();
        services.AddAnalyticsRateLimiting();
        services.AddAnalyticsForwardedHeaders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false; // no "Server: Kestrel"
            // Twice the service's own limits, so that most oversized requests get a 431/414 problem from HttpHardening.
            k.Limits.MaxRequestHeadersTotalSize = HttpHardening.KestrelMaxHeaderBytes;
            k.Limits.MaxRequestLineSize = HttpHardening.KestrelMaxRequestLineBytes;
            k.Limits.MaxRequestBodySize = configuration.GetSection(LimitsOptions.SectionName).Get<LimitsOptions>()?.MaxRequestBodyBytes
                                          ?? new LimitsOptions().MaxRequestBodyBytes;
        });

        services.AddSingleton(TimeProvider.System);
        services.AddScoped<Analytics.Data.Queries.FundingSummaryQuery>();
        services.AddScoped<Analytics.Data.Queries.BarsQuery>();
        services.AddSingleton(QuantLibVanillaOptionPricer.Default);
        services.AddMetrics();
        services.AddSingleton<Endpoints.Pricing.BatchPricingMetrics>();
        services.AddSingleton<Endpoints.Costs.CpuBudget>();
        services.AddScoped<Endpoints.L2.FundingCarryResolver>();
        services.AddScoped<Endpoints.L2.ObservedGasResolver>();
        services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => ConfigureJson(o.JsonSerializerOptions));
        // Bad requests throw, so the one exception handler can name the offending field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Type ??= Problems.TypeFor(c.ProblemDetails.Status ?? c.HttpContext.Response.StatusCode);
            c.ProblemDetails.Extensions["requestId"] = c.HttpContext.TraceIdentifier;
            ProblemSize.Bound(c.ProblemDetails);
        });
        // After the framework's writer: a client that accepts no JSON still gets its problem (was a 500).
        services.AddSingleton<IProblemDetailsWriter, FallbackProblemDetailsWriter>();
        services.AddExceptionHandler<ProblemExceptionHandler>();

        services.AddDataProtection().SetApplicationName("analytics").PersistKeysToDbContext<AnalyticsDbContext>();
        services.AddAnalyticsAuth();
        services.AddAnalyticsSwagger();
        services.AddAnalyticsTelemetry(configuration);
        services.AddHealthChecks()
            .AddDbContextCheck<AnalyticsDbContext>("database", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<HangfireServerHealthCheck>("jobs", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<QuantLibHealthCheck>("quantlib", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<IndexerLagHealthCheck>("indexer", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }

    /// <summary>
    /// camelCase, enums as their API ids (kebab-case or the ids API.md fixes), no numbers for enums, strict numbers
    /// (a number in quotes, NaN or Infinity is an error), and a name given twice in one object is an error (issue 17: one rule
    /// on every JSON endpoint instead of "last wins" on some).
    /// </summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(Contracts.Pricing.EngineIdNamingPolicy.CreateConverter()); // before the general one: engine ids from the registry
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.NumberHandling = JsonNumberHandling.Strict;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.AllowDuplicateProperties = false;
    }
}
