using Analytics.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Analytics.Data.Configurations;

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRunEntity>
{
    public void Configure(EntityTypeBuilder<JobRunEntity> builder)
    {
        builder.ToTable("job_runs");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.BackgroundJobId).HasMaxLength(100);
        builder.Property(x => x.RecurringJobId).HasMaxLength(100);
        builder.Property(x => x.Job).HasMaxLength(100);
        builder.Property(x => x.Node).HasMaxLength(200);
        builder.Property(x => x.State).HasMaxLength(20);
        builder.Property(x => x.Error).HasMaxLength(4000);
        builder.Property(x => x.Summary).HasMaxLength(16000);
        builder.HasIndex(x => new { x.RecurringJobId, x.StartedAtUtc, x.Id });
        builder.HasIndex(x => x.BackgroundJobId);
        builder.HasIndex(x => new { x.PortfolioId, x.StartedAtUtc });
    }
}
