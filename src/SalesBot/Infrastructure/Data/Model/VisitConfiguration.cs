using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBot.Features.Clients;
using SalesBot.Features.Pipeline;
using SalesBot.Features.Visits;

namespace SalesBot.Infrastructure.Data.Model;

internal sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> e)
    {
        e.HasKey(v => v.Id);
        e.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(v => v.Type).HasConversion<string>().HasMaxLength(20);
        e.Property(v => v.Outcome).HasConversion<string>().HasMaxLength(20);
        e.Property(v => v.CalendarState).HasConversion<string>().HasMaxLength(20);
        e.Property(v => v.Interviewee).HasMaxLength(200);
        e.Property(v => v.Location).HasMaxLength(300);
        e.Property(v => v.Observations).HasMaxLength(VisitInput.MaxText);
        e.Property(v => v.InviteeEmail).HasMaxLength(254);
        e.Property(v => v.Notes).HasMaxLength(VisitInput.MaxText);
        e.Property(v => v.NextStep).HasMaxLength(500);
        e.Property(v => v.Opportunity).HasMaxLength(200);
        e.HasOne<Features.Pipeline.Opportunity>().WithMany().HasForeignKey(v => v.OpportunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(v => v.OpportunityId);
        e.Property(v => v.CalendarEventId).HasMaxLength(512);
        e.Property(v => v.CalendarError).HasMaxLength(500);
        e.HasIndex(v => new { v.OwnerId, v.Start });
        // One visit per executive, client and start: a form submitted twice cannot make two.
        e.HasIndex(v => new { v.OwnerId, v.ClientId, v.Start }).IsUnique().HasFilter("\"Status\" <> 'Cancelled'");
        e.HasIndex(v => new { v.Status, v.Start });
        e.HasOne<Client>().WithMany().HasForeignKey(v => v.ClientId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(v => v.OwnerId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(v => v.LoggedById).OnDelete(DeleteBehavior.Restrict);
        // The owner, their lead and the reminder job may touch a visit at once: one change wins.
        e.Property(v => v.Version).IsConcurrencyToken();
    }
}
