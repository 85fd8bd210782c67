using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBot.Features.Clients;

namespace SalesBot.Infrastructure.Data.Model;

internal sealed class ClientBillingConfiguration : IEntityTypeConfiguration<ClientBilling>
{
    public void Configure(EntityTypeBuilder<ClientBilling> e)
    {
        e.HasKey(b => new { b.ClientId, b.Year, b.Month });
        e.Property(b => b.Amount).HasPrecision(18, 2);
        // A period's billing over many clients (billing growth of a team or the company).
        e.HasIndex(b => new { b.Year, b.Month });
        e.HasOne<Client>().WithMany().HasForeignKey(b => b.ClientId).OnDelete(DeleteBehavior.Cascade);
    }
}
