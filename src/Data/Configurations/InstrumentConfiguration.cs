using Analytics.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Analytics.Data.Configurations;

internal sealed class InstrumentConfiguration : IEntityTypeConfiguration<InstrumentEntity>
{
    public void Configure(EntityTypeBuilder<InstrumentEntity> builder)
    {
        builder.ToTable("instruments");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Key).HasMaxLength(160);
        builder.Property(x => x.Kind).HasMaxLength(16);
        builder.Property(x => x.Underlying).HasMaxLength(32);
        builder.Property(x => x.Right).HasMaxLength(8);
        builder.Property(x => x.Style).HasMaxLength(16);
        builder.Property(x => x.Settlement).HasMaxLength(16);
        builder.Property(x => x.Market).HasMaxLength(64);
        builder.HasIndex(x => x.Key).IsUnique();
        // "every option of ETH expiring on D": surfaces and chain listings.
        builder.HasIndex(x => new { x.Underlying, x.ExpiryUtc, x.Strike });
    }
}
