using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Data.Margin;

/// <summary>Registers <see cref="MarginModels"/> and <see cref="MarginService"/>; the host binds the <c>Margin</c> options (validated at start).</summary>
public static class MarginServiceCollectionExtensions
{
    /// <summary>Adds the margin services.</summary>
    public static IServiceCollection AddMargin(this IServiceCollection services)
    {
        services.AddSingleton<MarginModels>();
        services.AddScoped<MarginService>();
        return services;
    }
}
