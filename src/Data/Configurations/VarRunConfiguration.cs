using Analytics.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Analytics.Data.Configurations;

internal sealed class VarRunConfiguration : IEntityTypeConfiguration<VarRunEntity>
{
    public void Configure(EntityTypeBuilder<VarRunEntity> builder)
    {
        builder.ToTable("var_runs");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasMaxLength(32);
        builder.Property(x => x.Method).HasMaxLength(20);
        // The backtest reads a portfolio's runs in a date range.
        builder.HasIndex(x => new { x.PortfolioId, x.AsOfUtc });
    }
}
