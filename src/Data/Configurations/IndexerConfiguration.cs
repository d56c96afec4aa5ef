using Analytics.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Analytics.Data.Configurations;

internal sealed class IndexerCheckpointConfiguration : IEntityTypeConfiguration<IndexerCheckpointEntity>
{
    public void Configure(EntityTypeBuilder<IndexerCheckpointEntity> builder)
    {
        builder.ToTable("indexer_checkpoints");
        builder.HasKey(x => x.SourceId);
        builder.Property(x => x.SourceId).HasMaxLength(64);
        builder.Property(x => x.Chain).HasMaxLength(64);
        builder.Property(x => x.Contract).HasMaxLength(42);
        builder.Property(x => x.LastBlockHash).HasMaxLength(66);
        builder.Property(x => x.LastError).HasMaxLength(2000);
        // Optimistic concurrency: two runs of one source never both write a checkpoint.
        builder.Property(x => x.LastBlock).IsConcurrencyToken();
    }
}

internal sealed class IndexedBlockConfiguration : IEntityTypeConfiguration<IndexedBlockEntity>
{
    public void Configure(EntityTypeBuilder<IndexedBlockEntity> builder)
    {
        builder.ToTable("indexer_blocks");
        builder.HasKey(x => new { x.SourceId, x.BlockNumber });
        builder.Property(x => x.SourceId).HasMaxLength(64);
        builder.Property(x => x.Hash).HasMaxLength(66);
    }
}

internal sealed class IndexerErrorConfiguration : IEntityTypeConfiguration<IndexerErrorEntity>
{
    public void Configure(EntityTypeBuilder<IndexerErrorEntity> builder)
    {
        builder.ToTable("indexer_errors");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.SourceId).HasMaxLength(64);
        builder.Property(x => x.TxHash).HasMaxLength(66);
        builder.Property(x => x.Message).HasMaxLength(1000);
        builder.HasIndex(x => new { x.SourceId, x.TxHash, x.LogIndex }).IsUnique();
        builder.HasIndex(x => new { x.SourceId, x.BlockNumber });
    }
}

internal sealed class TradeGasConfiguration : IEntityTypeConfiguration<TradeGasEntity>
{
    public void Configure(EntityTypeBuilder<TradeGasEntity> builder)
    {
        builder.ToTable("trade_gas");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Chain).HasMaxLength(64);
        builder.Property(x => x.TxHash).HasMaxLength(100);
        builder.Property(x => x.SourceId).HasMaxLength(64);
        builder.HasIndex(x => new { x.Chain, x.TxHash, x.LogIndex }).IsUnique();
        builder.HasIndex(x => new { x.Chain, x.TimestampUtc });
        builder.HasIndex(x => new { x.SourceId, x.BlockNumber });
    }
}

internal sealed class IndexedFundingConfiguration : IEntityTypeConfiguration<IndexedFundingEntity>
{
    public void Configure(EntityTypeBuilder<IndexedFundingEntity> builder)
    {
        builder.ToTable("indexer_funding");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.SourceId).HasMaxLength(64);
        builder.Property(x => x.Venue).HasMaxLength(64);
        builder.Property(x => x.Market).HasMaxLength(64);
        builder.HasIndex(x => new { x.Venue, x.Market, x.TimestampUtc }).IsUnique();
        builder.HasIndex(x => new { x.SourceId, x.BlockNumber });
    }
}
