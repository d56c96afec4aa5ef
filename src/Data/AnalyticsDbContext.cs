using Analytics.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Analytics.Data;

/// <summary>
/// The service's EF Core model. One model, two providers: <see cref="Storage.SqliteAnalyticsDbContext"/> and
/// <see cref="Storage.PostgresAnalyticsDbContext"/> derive from it only to carry their own migrations.
/// </summary>
public abstract class AnalyticsDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<JobHeartbeatEntity> JobHeartbeats => Set<JobHeartbeatEntity>();

    /// <summary>
    /// ASP.NET Core data-protection keys (they sign the dashboard's login cookie), shared by every node that uses
    /// this database, so a cookie issued by one API node is accepted by the others.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<PriceObservationEntity> PriceObservations => Set<PriceObservationEntity>();
    public DbSet<ChainEntity> Chains => Set<ChainEntity>();
    public DbSet<VenueEntity> Venues => Set<VenueEntity>();
    public DbSet<InstrumentEntity> Instruments => Set<InstrumentEntity>();
    public DbSet<TradeEntity> Trades => Set<TradeEntity>();
    public DbSet<OptionQuoteEntity> OptionQuotes => Set<OptionQuoteEntity>();
    public DbSet<FundingObservationEntity> FundingObservations => Set<FundingObservationEntity>();
    public DbSet<VolatilitySurfaceEntity> VolatilitySurfaces => Set<VolatilitySurfaceEntity>();
    public DbSet<PortfolioEntity> Portfolios => Set<PortfolioEntity>();
    public DbSet<PortfolioVersionEntity> PortfolioVersions => Set<PortfolioVersionEntity>();
    public DbSet<VarRunEntity> VarRuns => Set<VarRunEntity>();
    public DbSet<JobRunEntity> JobRuns => Set<JobRunEntity>();
    public DbSet<MarginAlertEntity> MarginAlerts => Set<MarginAlertEntity>();
    public DbSet<MarginAlertStateEntity> MarginAlertStates => Set<MarginAlertStateEntity>();
    public DbSet<RiskReportEntity> RiskReports => Set<RiskReportEntity>();
    public DbSet<MonteCarloBlockEntity> MonteCarloBlocks => Set<MonteCarloBlockEntity>();
    public DbSet<IndexerCheckpointEntity> IndexerCheckpoints => Set<IndexerCheckpointEntity>();
    public DbSet<IndexedBlockEntity> IndexedBlocks => Set<IndexedBlockEntity>();
    public DbSet<IndexerErrorEntity> IndexerErrors => Set<IndexerErrorEntity>();
    public DbSet<TradeGasEntity> TradeGas => Set<TradeGasEntity>();
    public DbSet<IndexedFundingEntity> IndexedFunding => Set<IndexedFundingEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AnalyticsDbContext).Assembly);

    /// <summary>
    /// Instants are UTC <see cref="DateTime"/>s on both providers (SQLite cannot compare DateTimeOffset in SQL;
    /// Npgsql maps UTC DateTime to timestamptz). Values read back are marked UTC.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
