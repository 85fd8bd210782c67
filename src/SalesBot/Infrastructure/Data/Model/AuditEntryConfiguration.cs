using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBot.Infrastructure.Auditing;

namespace SalesBot.Infrastructure.Data.Model;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("AuditLog");
        e.HasKey(a => a.Id);
        e.Property(a => a.ActorId).HasMaxLength(160).IsRequired();
        e.Property(a => a.ActorName).HasMaxLength(200);
        e.Property(a => a.Action).HasMaxLength(40).IsRequired();
        e.Property(a => a.EntityType).HasMaxLength(100).IsRequired();
        e.Property(a => a.EntityId).HasMaxLength(200).IsRequired();
        e.Property(a => a.CorrelationId).HasMaxLength(64);
        e.HasIndex(a => new { a.EntityType, a.EntityId });
        e.HasIndex(a => a.At);
    }
}
