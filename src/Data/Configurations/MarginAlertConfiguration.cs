using Analytics.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Analytics.Data.Configurations;

internal sealed class MarginAlertConfiguration : IEntityTypeConfiguration<MarginAlertEntity>
{
    public void Configure(EntityTypeBuilder<MarginAlertEntity> builder)
    {
        builder.ToTable("margin_alerts");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Model).HasMaxLength(100);
        builder.Property(x => x.Chain).HasMaxLength(100);
        builder.Property(x => x.Level).HasMaxLength(20);
        builder.Property(x => x.RecurringJobId).HasMaxLength(100);
        builder.HasIndex(x => new { x.RaisedAtUtc, x.Id });
        builder.HasIndex(x => new { x.PortfolioId, x.RaisedAtUtc, x.Id });
    }
}

internal sealed class MarginAlertStateConfiguration : IEntityTypeConfiguration<MarginAlertStateEntity>
{
    public void Configure(EntityTypeBuilder<MarginAlertStateEntity> builder)
    {
        builder.ToTable("margin_alert_states");
        builder.HasKey(x => new { x.PortfolioId, x.Model, x.Chain, x.Level });
        builder.Property(x => x.Model).HasMaxLength(100);
        builder.Property(x => x.Chain).HasMaxLength(100);
        builder.Property(x => x.Level).HasMaxLength(20);
    }
}
