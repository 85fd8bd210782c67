using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBot.Features.Offers;

namespace SalesBot.Infrastructure.Data.Model;

internal sealed class ApprovalStepConfiguration : IEntityTypeConfiguration<ApprovalStep>
{
    public void Configure(EntityTypeBuilder<ApprovalStep> e)
    {
        e.HasKey(s => s.Id);
        e.HasIndex(s => new { s.OfferId, s.Order }).IsUnique();
        e.HasIndex(s => new { s.ApproverId, s.Status });
        e.Property(s => s.Level).HasConversion<string>().HasMaxLength(30);
        e.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(s => s.RoutedBecause).HasMaxLength(20);
        e.Property(s => s.Comment).HasMaxLength(1000);
        e.HasOne<Person>().WithMany().HasForeignKey(s => s.ApproverId).OnDelete(DeleteBehavior.Restrict);
        // Two approvers (or two clicks) at once: only the first decision is saved; the turn is re-run for the other.
        e.Property(s => s.Version).IsConcurrencyToken();
    }
}
