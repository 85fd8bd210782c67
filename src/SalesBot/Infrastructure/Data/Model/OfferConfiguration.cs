using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBot.Features.Offers;
using SalesBot.Features.Pipeline;

namespace SalesBot.Infrastructure.Data.Model;

internal sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> e)
    {
        e.HasKey(o => o.Id);
        e.HasIndex(o => new { o.OpportunityId, o.Number }).IsUnique();
        e.HasIndex(o => new { o.OpportunityId, o.Status });
        e.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(o => o.Risk).HasConversion<string>().HasMaxLength(10);
        e.Property(o => o.Currency).HasMaxLength(3).IsRequired();
        e.Property(o => o.Notes).HasMaxLength(2000);
        e.Property(o => o.ClientReason).HasMaxLength(500);
        e.Property(o => o.Subtotal).HasPrecision(18, 2);
        e.Property(o => o.Total).HasPrecision(18, 2);
        e.Property(o => o.DiscountPercent).HasPrecision(5, 2);
        e.OwnsMany(o => o.Lines, line =>
    {
        line.ToTable("OfferLines");
        line.WithOwner().HasForeignKey("OfferId");
        line.Property<int>("Id");
        line.HasKey("Id");
        line.Property(l => l.Description).HasMaxLength(200).IsRequired();
        line.Property(l => l.UnitPrice).HasPrecision(18, 2);
        line.Ignore(l => l.Amount);
    });
        e.Navigation(o => o.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        // The offer owns its chain: steps are loaded with it (Include) and changed only through it.
        e.HasMany(o => o.Steps).WithOne().HasForeignKey(s => s.OfferId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(o => o.Steps).HasField("_steps").UsePropertyAccessMode(PropertyAccessMode.Field);
        e.HasOne<Opportunity>().WithMany().HasForeignKey(o => o.OpportunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(o => o.RequesterId).OnDelete(DeleteBehavior.Restrict);
        e.Property(o => o.Version).IsConcurrencyToken();
    }
}
