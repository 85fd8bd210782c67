using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SalesBot.Infrastructure.Data.Model;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> e)
    {
        e.HasKey(p => p.Id);
        e.Property(p => p.AadObjectId).HasMaxLength(128).IsRequired();
        e.HasIndex(p => p.AadObjectId).IsUnique();
        e.Property(p => p.Name).HasMaxLength(200).IsRequired();
        e.Property(p => p.Email).HasMaxLength(254).IsRequired();
        e.HasIndex(p => p.Email);
        e.HasOne(p => p.Team).WithMany().HasForeignKey(p => p.TeamId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(p => p.Manager).WithMany().HasForeignKey(p => p.ManagerId).OnDelete(DeleteBehavior.Restrict);
    }
}
