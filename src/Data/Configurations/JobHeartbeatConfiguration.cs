using Analytics.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Analytics.Data.Configurations;

internal sealed class JobHeartbeatConfiguration : IEntityTypeConfiguration<JobHeartbeatEntity>
{
    public void Configure(EntityTypeBuilder<JobHeartbeatEntity> builder)
    {
        builder.ToTable("job_heartbeats");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.RecurringJobId).HasMaxLength(100);
        builder.Property(x => x.Node).HasMaxLength(200);
        builder.HasIndex(x => new { x.RecurringJobId, x.RecordedAtUtc });
    }
}
