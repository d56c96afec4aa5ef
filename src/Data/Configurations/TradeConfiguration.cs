using Analytics.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Analytics.Data.Configurations;

internal sealed class TradeConfiguration : IEntityTypeConfiguration<TradeEntity>
{
    public void Configure(EntityTypeBuilder<TradeEntity> builder)
    {
        builder.ToTable("trades");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Chain).HasMaxLength(64);
        builder.Property(x => x.Venue).HasMaxLength(64);
        builder.Property(x => x.TxHash).HasMaxLength(100);
        builder.Property(x => x.Underlying).HasMaxLength(32);
        builder.Property(x => x.Side).HasMaxLength(8);
        builder.Property(x => x.PremiumCurrency).HasMaxLength(16);
        builder.Property(x => x.Price).HasPrecision(38, 18);
        builder.Property(x => x.PriceUsd).HasPrecision(38, 18);
        builder.Property(x => x.Size).HasPrecision(38, 18);
        builder.Property(x => x.FeeUsd).HasPrecision(38, 18);
        builder.HasOne<ChainEntity>().WithMany().HasForeignKey(x => x.Chain).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<VenueEntity>().WithMany().HasForeignKey(x => x.Venue).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InstrumentEntity>().WithMany().HasForeignKey(x => x.InstrumentId).OnDelete(DeleteBehavior.Restrict);

        // Identity of a trade (idempotent ingest).
        builder.HasIndex(x => new { x.Chain, x.TxHash, x.LogIndex }).IsUnique();
        // Keyset pagination (timestamp, id) under each listing filter; bars scan (underlying, timestamp).
        builder.HasIndex(x => new { x.TimestampUtc, x.Id });
        builder.HasIndex(x => new { x.Underlying, x.TimestampUtc, x.Id });
        builder.HasIndex(x => new { x.InstrumentId, x.TimestampUtc, x.Id });
        builder.HasIndex(x => new { x.Venue, x.TimestampUtc, x.Id });
        builder.HasIndex(x => new { x.Chain, x.TimestampUtc, x.Id });
    }
}
