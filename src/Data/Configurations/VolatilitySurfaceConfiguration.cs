using Analytics.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Analytics.Data.Configurations;

internal sealed class VolatilitySurfaceConfiguration : IEntityTypeConfiguration<VolatilitySurfaceEntity>
{
    public void Configure(EntityTypeBuilder<VolatilitySurfaceEntity> builder)
    {
        builder.ToTable("volatility_surfaces");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Underlying).HasMaxLength(32);
        builder.Property(x => x.Model).HasMaxLength(16);
        builder.Property(x => x.InputSource).HasMaxLength(16);
        // "Latest surface of X" and "surfaces of X, newest first" (keyset on as-of, id).
        builder.HasIndex(x => new { x.Underlying, x.AsOfUtc, x.Id });
        // Pricing's choice: the newest published surface of X and a model at or before an instant (SurfaceStore.SelectIdAsync).
        builder.HasIndex(x => new { x.Underlying, x.Model, x.AsOfUtc, x.Id });
        // Unfiltered listing, newest first.
        builder.HasIndex(x => new { x.AsOfUtc, x.Id });
    }
}
