using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBot.Features.Clients;
using SalesBot.Features.Pqrs;

namespace SalesBot.Infrastructure.Data.Model;

internal sealed class PqrConfiguration : IEntityTypeConfiguration<Pqr>
{
    public void Configure(EntityTypeBuilder<Pqr> e)
    {
        e.HasKey(p => p.Id);
        e.Property(p => p.FilingNumber).HasMaxLength(40).IsRequired();
        e.HasIndex(p => p.FilingNumber).IsUnique();
        e.Property(p => p.Type).HasConversion<string>().HasMaxLength(30);
        e.Property(p => p.Channel).HasConversion<string>().HasMaxLength(20);
        e.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(p => p.Description).HasMaxLength(8000).IsRequired();
        e.Property(p => p.Response).HasMaxLength(8000);
        e.Property(p => p.CalendarCountry).HasMaxLength(2);
        e.Property(p => p.CalendarSubdivision).HasMaxLength(6);
        e.Property(p => p.CalendarTimeZone).HasMaxLength(64);
        e.HasIndex(p => new { p.AssigneeId, p.Status });
        e.HasIndex(p => new { p.Status, p.DueDate });
        e.HasOne<Client>().WithMany().HasForeignKey(p => p.ClientId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(p => p.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(p => p.AnsweredById).OnDelete(DeleteBehavior.Restrict);
        // An approver and an assignee can act at the same moment: only one change wins.
        e.Property(p => p.Version).IsConcurrencyToken();
    }
}
