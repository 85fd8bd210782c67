using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SalesBot.Infrastructure.Data.Model;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> e)
    {
        e.HasKey(t => t.Id);
        e.Property(t => t.Name).HasMaxLength(100).IsRequired();
        e.HasIndex(t => t.Name).IsUnique();
        e.Property(t => t.ChannelConversationId).HasMaxLength(256);
        e.Property(t => t.ChannelName).HasMaxLength(200);
        e.Property(t => t.Country).HasMaxLength(2);
        e.Property(t => t.Subdivision).HasMaxLength(6);
        e.Property(t => t.TimeZone).HasMaxLength(64);
    }
}
