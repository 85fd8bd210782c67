using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBot.Features.Digests;

namespace SalesBot.Infrastructure.Data.Model;

internal sealed class NudgeSettingsConfiguration : IEntityTypeConfiguration<NudgeSettings>
{
    public void Configure(EntityTypeBuilder<NudgeSettings> e)
    {
        e.HasKey(s => s.PersonId);
        e.Property(s => s.Day).HasConversion<string>().HasMaxLength(10);
        e.Ignore(s => s.Slot);
        e.HasOne<Person>().WithOne().HasForeignKey<NudgeSettings>(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NudgeSnoozeConfiguration : IEntityTypeConfiguration<NudgeSnooze>
{
    public void Configure(EntityTypeBuilder<NudgeSnooze> e)
    {
        e.HasKey(s => s.OpportunityId);
        e.HasOne<Features.Pipeline.Opportunity>().WithOne().HasForeignKey<NudgeSnooze>(s => s.OpportunityId).OnDelete(DeleteBehavior.Cascade);
    }
}
