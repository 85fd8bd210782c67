using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBot.Features.Offers;

namespace SalesBot.Infrastructure.Data.Model;

internal sealed class DelegationConfiguration : IEntityTypeConfiguration<Delegation>
{
    public void Configure(EntityTypeBuilder<Delegation> e)
    {
        e.HasKey(d => d.Id);
        e.HasIndex(d => new { d.PersonId, d.Until });
        e.HasOne<Person>().WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(d => d.DeputyId).OnDelete(DeleteBehavior.Restrict);
    }
}
