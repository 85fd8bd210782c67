using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBot.Features.Visits;

namespace SalesBot.Infrastructure.Data.Model;

internal sealed class VisitPlanConfiguration : IEntityTypeConfiguration<VisitPlan>
{
    public void Configure(EntityTypeBuilder<VisitPlan> e)
    {
        e.HasKey(p => new { p.OwnerId, p.Year, p.Month });
        e.HasOne<Person>().WithMany().HasForeignKey(p => p.OwnerId).OnDelete(DeleteBehavior.Restrict);
    }
}
