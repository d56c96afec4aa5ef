using Analytics.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Analytics.Data.Configurations;

internal sealed class OptionQuoteConfiguration : IEntityTypeConfiguration<OptionQuoteEntity>
{
    public void Configure(EntityTypeBuilder<OptionQuoteEntity> builder)
    {
        builder.ToTable("option_quotes");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Venue).HasMaxLength(64);
        builder.Property(x => x.Underlying).HasMaxLength(32);
        builder.Property(x => x.PremiumCurrency).HasMaxLength(16);
        builder.HasOne<VenueEntity>().WithMany().HasForeignKey(x => x.Venue).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InstrumentEntity>().WithMany().HasForeignKey(x => x.InstrumentId).OnDelete(DeleteBehavior.Restrict);

        // Identity of a quote (idempotent ingest); also serves venue-filtered listings.
        builder.HasIndex(x => new { x.Venue, x.InstrumentId, x.TimestampUtc }).IsUnique();
        builder.HasIndex(x => new { x.TimestampUtc, x.Id });
        builder.HasIndex(x => new { x.Underlying, x.TimestampUtc, x.Id });
        builder.HasIndex(x => new { x.InstrumentId, x.TimestampUtc, x.Id });
    }
}
