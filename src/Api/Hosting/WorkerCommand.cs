using Analytics.Api.Endpoints;

namespace Analytics.Api.Hosting;

/// <summary>
/// The <c>worker</c> verb (<c>dotnet Analytics.Api.dll worker</c>): the same services, but the process runs the Hangfire
/// job server (<c>Jobs:RunServer</c> forced true) and answers only <c>/health/live</c> and <c>/health/ready</c>, on
/// <c>--urls</c> when given, else on a free loopback port (so several workers fit on one machine). Start as many as the
/// work needs against one PostgreSQL; API nodes may set <c>Jobs:RunServer=false</c>.
/// </summary>
public static class WorkerCommand
{
    /// <summary>Whether the command line asks for a worker.</summary>
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "worker";

    /// <summary>Forces the job server on and, without configured URLs, listens on a free loopback port.</summary>
    public static void Configure(WebApplicationBuilder builder)
    {
        builder.Configuration["Jobs:RunServer"] = "true";
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
            builder.WebHost.UseUrls("http://127.0.0.1:0");
    }

    /// <summary>Health endpoints only.</summary>
    public static void MapEndpoints(WebApplication app)
    {
        app.Logger.LogInformation("Worker {Node}: job server only, health at /health/live and /health/ready", Analytics.Jobs.JobNode.Name);
        app.MapHealthEndpoints();
    }
}
