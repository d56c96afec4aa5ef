using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Analytics.Data.Margin;

/// <summary>Registers <see cref="MarginModels"/> and <see cref="MarginService"/>; the host binds the <c>Margin</c> options (validated at start).</summary>
public static class MarginServiceCollectionExtensions
{
    /// <summary>Adds the margin services (once, however often called).</summary>
    public static IServiceCollection AddMargin(this IServiceCollection services)
    {
        services.AddOptions<MarginOptions>(); // resolvable without a host; the host binds and validates the section
        services.TryAddSingleton<MarginModels>();
        services.TryAddScoped<MarginService>();
        return services;
    }
}
