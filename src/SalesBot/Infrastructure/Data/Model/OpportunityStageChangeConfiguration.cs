using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBot.Features.Pipeline;

namespace SalesBot.Infrastructure.Data.Model;

internal sealed class OpportunityStageChangeConfiguration : IEntityTypeConfiguration<OpportunityStageChange>
{
    public void Configure(EntityTypeBuilder<OpportunityStageChange> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.FromStage).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.ToStage).HasConversion<string>().HasMaxLength(20);
        e.HasIndex(x => new { x.OpportunityId, x.At });
        // Entries into a stage in a period (conversion, the digest's moves).
        e.HasIndex(x => new { x.ToStage, x.At });
    }
}
