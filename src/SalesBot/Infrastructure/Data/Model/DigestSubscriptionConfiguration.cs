using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBot.Features.Digests;

namespace SalesBot.Infrastructure.Data.Model;

internal sealed class DigestSubscriptionConfiguration : IEntityTypeConfiguration<DigestSubscription>
{
    public void Configure(EntityTypeBuilder<DigestSubscription> e)
    {
        e.HasKey(s => s.Id);
        e.Property(s => s.ChannelId).HasMaxLength(256).IsRequired();
        e.Property(s => s.Day).HasConversion<string>().HasMaxLength(10);
        e.Property(s => s.TimeZone).HasMaxLength(64).IsRequired();
        e.Property(s => s.Language).HasMaxLength(5).IsRequired();
        e.Property(s => s.EndReason).HasMaxLength(40);
        e.Ignore(s => s.Slot);
        e.Ignore(s => s.IsActive);
        // A team posts once to a channel; subscribing again reschedules the same row.
        e.HasIndex(s => new { s.TeamId, s.ChannelId }).IsUnique();
        e.HasOne<Features.Organization.Team>().WithMany().HasForeignKey(s => s.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}
