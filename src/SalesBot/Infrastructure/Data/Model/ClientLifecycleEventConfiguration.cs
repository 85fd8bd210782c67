using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBot.Features.Clients;

namespace SalesBot.Infrastructure.Data.Model;

internal sealed class ClientLifecycleEventConfiguration : IEntityTypeConfiguration<ClientLifecycleEvent>
{
    public void Configure(EntityTypeBuilder<ClientLifecycleEvent> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.Reason).HasMaxLength(ClientLifecycleEvent.MaxReasonLength);
        // One event of a kind per client and day: a re-import or a second click records nothing new.
        e.HasIndex(x => new { x.ClientId, x.Kind, x.On }).IsUnique();
        // Sign-ups and churn of a period, for the indicators.
        e.HasIndex(x => new { x.Kind, x.On });
        e.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Cascade);
    }
}
