using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBot.Infrastructure.Outbox;

namespace SalesBot.Infrastructure.Data.Model;

internal sealed class SentCardConfiguration : IEntityTypeConfiguration<SentCard>
{
    public void Configure(EntityTypeBuilder<SentCard> e)
    {
        e.HasKey(c => c.Id);
        e.Property(c => c.Key).HasMaxLength(100).IsRequired();
        e.HasIndex(c => c.Key);
        e.Property(c => c.ServiceUrl).HasMaxLength(512).IsRequired();
        e.Property(c => c.ConversationId).HasMaxLength(512).IsRequired();
        e.Property(c => c.ActivityId).HasMaxLength(256).IsRequired();
    }
}
