using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBot.Infrastructure.Scheduling;

namespace SalesBot.Infrastructure.Data.Model;

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> e)
    {
        e.HasKey(r => new { r.Job, r.Period });
        e.Property(r => r.Job).HasMaxLength(100);
        e.Property(r => r.Period).HasMaxLength(20);
    }
}
