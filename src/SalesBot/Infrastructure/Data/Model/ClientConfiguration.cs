using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBot.Features.Clients;

namespace SalesBot.Infrastructure.Data.Model;

internal sealed class ClientConfiguration : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> e)
    {
        e.HasKey(c => c.Id);
        e.Property(c => c.Name).HasMaxLength(200).IsRequired();
        e.Property(c => c.NormalizedName).HasMaxLength(200).IsRequired();
        e.Property(c => c.TaxId).HasMaxLength(20);
        // NIT is unique when present; clients without one are told apart by name and city.
        e.HasIndex(c => c.TaxId).IsUnique().HasFilter("\"TaxId\" IS NOT NULL");
        e.HasIndex(c => new { c.NormalizedName, c.NormalizedCity });
        e.HasIndex(c => c.OwnerId);
        e.Property(c => c.Segment).HasConversion<string>().HasMaxLength(20);
        e.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(c => c.Address).HasMaxLength(300);
        e.Property(c => c.City).HasMaxLength(100);
        e.Property(c => c.NormalizedCity).HasMaxLength(100);
        e.Property(c => c.LeadSource).HasMaxLength(100);
        e.HasOne<Person>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Restrict);
        e.OwnsMany(c => c.Contacts, contact =>
    {
        contact.ToTable("ClientContacts");
        contact.WithOwner().HasForeignKey("ClientId");
        contact.Property<int>("Id");
        contact.HasKey("Id");
        contact.Property(x => x.Name).HasMaxLength(200).IsRequired();
        contact.Property(x => x.Role).HasMaxLength(100);
        contact.Property(x => x.Email).HasMaxLength(254);
        contact.Property(x => x.Phone).HasMaxLength(20);
    });
        e.Navigation(c => c.Contacts).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
