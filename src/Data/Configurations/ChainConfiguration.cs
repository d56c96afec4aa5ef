using Analytics.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Analytics.Data.Configurations;

internal sealed class ChainConfiguration : IEntityTypeConfiguration<ChainEntity>
{
    public void Configure(EntityTypeBuilder<ChainEntity> builder)
    {
        builder.ToTable("chains");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasMaxLength(64);
    }
}
