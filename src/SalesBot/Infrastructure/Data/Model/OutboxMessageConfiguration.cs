using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBot.Infrastructure.Outbox;

namespace SalesBot.Infrastructure.Data.Model;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> e)
    {
        e.ToTable("Outbox");
        e.HasKey(m => m.Id);
        e.Property(m => m.TrackingKey).HasMaxLength(100);
        // A conversation lane is the service URL and the conversation id: room for both.
        e.Property(m => m.Lane).HasMaxLength(1100).IsRequired();
        e.Property(m => m.ServiceUrl).HasMaxLength(512);
        e.Property(m => m.ConversationId).HasMaxLength(512);
        e.Property(m => m.ActivityId).HasMaxLength(256);
        e.Property(m => m.RecipientAadObjectId).HasMaxLength(128);
        e.Property(m => m.CorrelationId).HasMaxLength(64);
        e.HasIndex(m => new { m.FailedAt, m.NextAttemptAt });
    }
}
