using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SalesBot.Infrastructure.Data.Model;

internal sealed class ProcessedActivityConfiguration : IEntityTypeConfiguration<ProcessedActivity>
{
    public void Configure(EntityTypeBuilder<ProcessedActivity> e)
    {
        e.HasKey(p => p.Key);
        e.Property(p => p.Key).HasMaxLength(900);
        e.HasIndex(p => p.ProcessedAt);
    }
}
