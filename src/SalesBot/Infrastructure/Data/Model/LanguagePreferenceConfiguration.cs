using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesBot.Features.Assistant;

namespace SalesBot.Infrastructure.Data.Model;

internal sealed class LanguagePreferenceConfiguration : IEntityTypeConfiguration<LanguagePreference>
{
    public void Configure(EntityTypeBuilder<LanguagePreference> e)
    {
        e.HasKey(p => p.UserKey);
        e.Property(p => p.UserKey).HasMaxLength(128);
        e.Property(p => p.Language).HasMaxLength(8).IsRequired();
    }
}
