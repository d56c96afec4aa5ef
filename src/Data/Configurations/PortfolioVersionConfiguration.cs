using Analytics.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Analytics.Data.Configurations;

internal sealed class PortfolioVersionConfiguration : IEntityTypeConfiguration<PortfolioVersionEntity>
{
    public void Configure(EntityTypeBuilder<PortfolioVersionEntity> builder)
    {
        builder.ToTable("portfolio_versions");
        // Unique (portfolio, version): two concurrent updates can never both store version n + 1.
        builder.HasKey(x => new { x.PortfolioId, x.Version });
        builder.Property(x => x.Name).HasMaxLength(200);
    }
}
