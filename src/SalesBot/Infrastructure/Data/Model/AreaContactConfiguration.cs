using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBot.Features.Renegotiations;

namespace SalesBot.Infrastructure.Data.Model;

internal sealed class AreaContactConfiguration : IEntityTypeConfiguration<AreaContact>
{
    public void Configure(EntityTypeBuilder<AreaContact> e)
    {
        e.HasKey(c => c.Area);
        e.Property(c => c.Area).HasConversion<string>().HasMaxLength(20);
        e.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
