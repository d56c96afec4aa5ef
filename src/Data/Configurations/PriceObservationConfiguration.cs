using Analytics.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Analytics.Data.Configurations;

internal sealed class PriceObservationConfiguration : IEntityTypeConfiguration<PriceObservationEntity>
{
    public void Configure(EntityTypeBuilder<PriceObservationEntity> builder)
    {
        builder.ToTable("price_observations");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Underlying).HasMaxLength(32);
        builder.Property(x => x.Source).HasMaxLength(64);
        // The identity of a price, and the index behind "prices of X from source Y between t1 and t2".
        builder.HasIndex(x => new { x.Underlying, x.Source, x.TimestampUtc }).IsUnique();
        // Unfiltered keyset pagination (timestamp, id).
        builder.HasIndex(x => new { x.TimestampUtc, x.Id });
    }
}
