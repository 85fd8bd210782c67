using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBot.Features.Indicators;

namespace SalesBot.Infrastructure.Data.Model;

internal sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> e)
    {
        e.HasKey(g => g.Id);
        e.Property(g => g.Indicator).HasConversion<string>().HasMaxLength(40);
        e.Property(g => g.ScopeKind).HasConversion<string>().HasMaxLength(10);
        e.Property(g => g.Target).HasPrecision(18, 2);
        // One goal per indicator, scope and month (the company's scope id is empty, so this holds for it too).
        e.HasIndex(g => new { g.Indicator, g.ScopeKind, g.ScopeId, g.Year, g.Month }).IsUnique();
    }
}
