using Analytics.Api.Hosting;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot.Locate() });
builder.AddAnalyticsServices();

var app = builder.Build();
if (args.Contains("migrate"))
{
    // `dotnet Analytics.Api.dll migrate`: apply pending migrations and exit (PostgreSQL deployments run this once).
    await app.MigrateStorageAsync();
    return;
}

await app.PrepareStorageAsync();
app.LogStartupBanner();
app.UseAnalyticsPipeline();
app.MapAnalyticsEndpoints();
app.Run();

/// <summary>The entry point; public for WebApplicationFactory in the tests.</summary>
public partial class Program;
