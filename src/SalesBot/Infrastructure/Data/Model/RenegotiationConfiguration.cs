using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBot.Features.Clients;
using SalesBot.Features.Pipeline;
using SalesBot.Features.Renegotiations;

namespace SalesBot.Infrastructure.Data.Model;

internal sealed class RenegotiationConfiguration : IEntityTypeConfiguration<Renegotiation>
{
    public void Configure(EntityTypeBuilder<Renegotiation> e)
    {
        e.HasKey(r => r.Id);
        e.Property(r => r.Requirement).HasMaxLength(2000).IsRequired();
        e.Property(r => r.Status).HasConversion<string>().HasMaxLength(30);
        e.Property(r => r.Reasons).HasMaxLength(4000);
        e.HasIndex(r => new { r.ClientId, r.Status });
        e.HasOne<Client>().WithMany().HasForeignKey(r => r.ClientId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(r => r.RequesterId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Opportunity>().WithMany().HasForeignKey(r => r.OpportunityId).OnDelete(DeleteBehavior.Restrict);
        e.Property(r => r.Version).IsConcurrencyToken();
    }
}
