using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SalesBot.Infrastructure.Data.Model;

internal sealed class StoredConversationReferenceConfiguration : IEntityTypeConfiguration<StoredConversationReference>
{
    public void Configure(EntityTypeBuilder<StoredConversationReference> e)
    {
        e.ToTable("ConversationReferences");
        e.HasKey(r => r.ConversationId);
        e.Property(r => r.ConversationId).HasMaxLength(512);
        e.Property(r => r.ChannelId).HasMaxLength(64).IsRequired();
        e.Property(r => r.ServiceUrl).HasMaxLength(512).IsRequired();
        e.Property(r => r.UserAadObjectId).HasMaxLength(128);
        e.HasIndex(r => new { r.UserAadObjectId, r.ConversationType });
        // Two install activities arrive together; only one of them may send the welcome card.
        e.Property(r => r.WelcomedAt).IsConcurrencyToken();
    }
}
