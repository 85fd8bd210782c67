using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBot.Features.Renegotiations;

namespace SalesBot.Infrastructure.Data.Model;

internal sealed class AreaConsultationConfiguration : IEntityTypeConfiguration<AreaConsultation>
{
    public void Configure(EntityTypeBuilder<AreaConsultation> e)
    {
        e.HasKey(c => c.Id);
        e.Property(c => c.Area).HasConversion<string>().HasMaxLength(20);
        e.Property(c => c.Comment).HasMaxLength(1000);
        e.HasIndex(c => new { c.RenegotiationId, c.Area }).IsUnique();
        e.HasOne<Renegotiation>().WithMany().HasForeignKey(c => c.RenegotiationId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.Property(c => c.Version).IsConcurrencyToken();
    }
}
