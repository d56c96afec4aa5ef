using Analytics.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Analytics.Data.Configurations;

internal sealed class FundingObservationConfiguration : IEntityTypeConfiguration<FundingObservationEntity>
{
    public void Configure(EntityTypeBuilder<FundingObservationEntity> builder)
    {
        builder.ToTable("funding_observations");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Venue).HasMaxLength(64);
        builder.Property(x => x.Market).HasMaxLength(64);
        builder.HasOne<VenueEntity>().WithMany().HasForeignKey(x => x.Venue).OnDelete(DeleteBehavior.Restrict);

        // Identity (idempotent ingest) and the funding summary's window scan for one venue.
        builder.HasIndex(x => new { x.Venue, x.Market, x.TimestampUtc }).IsUnique();
        // Market-only filters (summary across venues, listings) and unfiltered keyset pagination.
        builder.HasIndex(x => new { x.Market, x.TimestampUtc, x.Id });
        builder.HasIndex(x => new { x.TimestampUtc, x.Id });
    }
}
