using Analytics.Api.Options;
using Analytics.Data.Storage;
using Microsoft.Extensions.Options;

namespace Analytics.Api.Hosting;

public static class StartupBanner
{
    /// <summary>Says where the service listens, what it stores in, and (in Development) the admin key to use.</summary>
    public static void LogStartupBanner(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var storage = app.Services.GetRequiredService<StorageOptions>();
            app.Logger.LogInformation("Listening on {Urls}; Swagger UI at /swagger; storage {Provider}; content root {ContentRoot}",
                string.Join(", ", app.Urls), storage.Provider, app.Environment.ContentRootPath);
            var bootstrap = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value.BootstrapAdminKey;
            if (app.Environment.IsDevelopment() && !string.IsNullOrEmpty(bootstrap))
                app.Logger.LogWarning("Development admin key (X-Api-Key): {Key}  (Auth:BootstrapAdminKey; never use it outside Development)", bootstrap);
        });
    }
}
