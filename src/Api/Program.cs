using Analytics.Api.Hosting;

// `import ...` takes its own arguments (file paths would read as configuration switches).
if (!ImportCommand.TryParse(args, out var import))
{
    Environment.ExitCode = 2;
    return;
}
try
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = import is null ? args : [], ContentRootPath = ContentRoot.Locate() });
    var worker = WorkerCommand.IsRequested(args);
    if (worker) WorkerCommand.Configure(builder);
    builder.AddAnalyticsServices();

    var app = builder.Build();
    StartupFailure.ValidateSettings(app.Services);
    if (args.Contains("migrate"))
    {
        // `dotnet Analytics.Api.dll migrate`: apply pending migrations and exit (PostgreSQL deployments run this once).
        await app.MigrateStorageAsync();
        return;
    }

    await app.PrepareStorageAsync();
    if (import is not null)
    {
        // `dotnet Analytics.Api.dll import --kind K --format F FILE...`: the ingest endpoints' all-or-nothing import, then exit.
        Environment.ExitCode = await import.RunAsync(app);
        return;
    }
    if (worker)
    {
        // `dotnet Analytics.Api.dll worker`: the job server and /health only (more workers on one PostgreSQL share the queue).
        WorkerCommand.MapEndpoints(app);
        app.Run();
        return;
    }
    app.LogStartupBanner();
    app.UseAnalyticsPipeline();
    app.MapAnalyticsEndpoints();
    app.Run();
}
catch (Exception error) when (StartupFailure.IsOwnProcess)
{
    // One line per problem on stderr and an exit status, not an unhandled exception (SIGABRT and a stack trace).
    Environment.ExitCode = StartupFailure.Report(error, Console.Error);
}

/// <summary>The entry point; public for WebApplicationFactory in the tests.</summary>
public partial class Program;
