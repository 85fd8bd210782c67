using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBot.Features.Clients;
using SalesBot.Features.Pipeline;

namespace SalesBot.Infrastructure.Data.Model;

internal sealed class OpportunityConfiguration : IEntityTypeConfiguration<Opportunity>
{
    public void Configure(EntityTypeBuilder<Opportunity> e)
    {
        e.HasKey(o => o.Id);
        e.Property(o => o.Title).HasMaxLength(200).IsRequired();
        e.Property(o => o.NormalizedTitle).HasMaxLength(200).IsRequired();
        e.Property(o => o.ServiceType).HasMaxLength(100);
        e.Property(o => o.Segment).HasConversion<string>().HasMaxLength(20);
        e.Property(o => o.Stage).HasConversion<string>().HasMaxLength(20);
        e.Property(o => o.Currency).HasMaxLength(3).IsRequired();
        e.Property(o => o.LeadSource).HasMaxLength(100);
        e.Property(o => o.LostReason).HasMaxLength(500);
        // Money: 18 digits, 2 decimals (COP totals run to thousands of millions).
        e.Property(o => o.UnitValue).HasPrecision(18, 2);
        e.Property(o => o.MonthlyValue).HasPrecision(18, 2);
        e.Property(o => o.TotalValue).HasPrecision(18, 2);
        e.Property(o => o.WeightedValue).HasPrecision(18, 2);
        e.HasIndex(o => new { o.OwnerId, o.Stage });
        e.HasIndex(o => o.ClientId);
        e.HasOne<Client>().WithMany().HasForeignKey(o => o.ClientId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(o => o.OwnerId).OnDelete(DeleteBehavior.Restrict);
        e.Property(o => o.Version).IsConcurrencyToken();
        // Written by the deal as its stage changes; never loaded with it (the history is read from its own set).
        e.HasMany(o => o.StageChanges).WithOne().HasForeignKey(c => c.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(o => o.StageChanges).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
