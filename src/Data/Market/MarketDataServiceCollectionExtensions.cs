using Analytics.Data.Portfolios;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Analytics.Data.Market;

/// <summary>Registers the market data services (for the API and for jobs); the <c>Chains</c> options are bound by the host.</summary>
public static class MarketDataServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="SurfaceStore"/>, <see cref="PortfolioStore"/>, <see cref="Risk.VarRunStore"/> and <see cref="ChainProfiles"/> as singletons; <see cref="FundingCarryReader"/> and
    /// <see cref="MarketSnapshotService"/> scoped, like the <see cref="AnalyticsDbContext"/> they read; the margin services
    /// and the risk report's (<see cref="Reports.RiskReportService"/>, <see cref="Reports.RiskReportStore"/>). The host registers a <see cref="Reports.ReportEnvironment"/>.
    /// </summary>
    public static IServiceCollection AddMarketData(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System); // a host (or test) may register its own first
        services.AddSingleton<SurfaceStore>();
        services.AddSingleton<PortfolioStore>();
        services.AddSingleton<Risk.VarRunStore>();
        services.AddSingleton<ChainProfiles>();
        services.AddScoped<FundingCarryReader>();
        services.AddScoped<MarketSnapshotService>();
        services.AddScoped<Risk.VarService>();
        services.AddScoped<Risk.StressService>();
        services.AddScoped<Risk.StoredVarBacktest>();
        services.AddSingleton<Reports.RiskReportStore>();
        services.AddScoped<Reports.RiskReportService>();
        Margin.MarginServiceCollectionExtensions.AddMargin(services);
        return services;
    }
}
