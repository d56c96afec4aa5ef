using Analytics.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Analytics.Data.Configurations;

internal sealed class MonteCarloBlockConfiguration : IEntityTypeConfiguration<MonteCarloBlockEntity>
{
    public void Configure(EntityTypeBuilder<MonteCarloBlockEntity> builder)
    {
        builder.ToTable("monte_carlo_blocks");
        builder.HasKey(x => new { x.RunId, x.Block });
        builder.Property(x => x.RunId).HasMaxLength(32);
        builder.Property(x => x.Node).HasMaxLength(200);
    }
}
