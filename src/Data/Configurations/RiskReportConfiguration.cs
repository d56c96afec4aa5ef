using Analytics.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Analytics.Data.Configurations;

internal sealed class RiskReportConfiguration : IEntityTypeConfiguration<RiskReportEntity>
{
    public void Configure(EntityTypeBuilder<RiskReportEntity> builder)
    {
        builder.ToTable("risk_reports");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.PortfolioContentHash).HasMaxLength(64);
        builder.Property(x => x.CodeVersion).HasMaxLength(200);
        builder.Property(x => x.SplitRunId).HasMaxLength(32);
        // Listings: a portfolio's reports newest first, and all reports newest first.
        builder.HasIndex(x => new { x.PortfolioId, x.AsOfUtc, x.Id });
        builder.HasIndex(x => new { x.AsOfUtc, x.Id });
        builder.HasIndex(x => x.SplitRunId).IsUnique();
        builder.Property(x => x.BackgroundJobId).HasMaxLength(100);
        builder.HasIndex(x => x.BackgroundJobId).IsUnique();
    }
}
