using Analytics.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Analytics.Data.Configurations;

internal sealed class PortfolioConfiguration : IEntityTypeConfiguration<PortfolioEntity>
{
    public void Configure(EntityTypeBuilder<PortfolioEntity> builder)
    {
        builder.ToTable("portfolios");
        builder.HasKey(x => x.Id);
        builder.HasMany(x => x.Versions).WithOne().HasForeignKey(v => v.PortfolioId).OnDelete(DeleteBehavior.Restrict);
        // Listing, newest update first (keyset on updated, id).
        builder.HasIndex(x => new { x.UpdatedUtc, x.Id });
    }
}
