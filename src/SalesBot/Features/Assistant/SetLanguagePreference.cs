namespace SalesBot.Features.Assistant;

/// <summary>
/// Records the language a user wants answers in ("es", "en"), or clears it ("auto") so the Teams
/// locale decides again. A user changes only their own preference.
/// </summary>
public sealed class SetLanguagePreference(SalesBotDbContext db, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> Choices = ["es", "en", "auto"];

    public async Task<Result<string?>> ExecuteAsync(Actor actor, string choice, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(actor.Id)) return DomainError.Forbidden("language");
        var normalized = Normalize(choice);
        if (normalized is null) return DomainError.Invalid("language", "language", choice);

        var existing = await db.LanguagePreferences.FindAsync([actor.Id], ct);
        if (normalized == "auto")
        {
            if (existing is not null) db.LanguagePreferences.Remove(existing);
            return (string?)null;
        }
        if (existing is null) db.LanguagePreferences.Add(new LanguagePreference(actor.Id, normalized, clock.GetUtcNow()));
        else if (existing.Language != normalized) existing.Change(normalized, clock.GetUtcNow());
        return normalized;
    }

    /// <summary>Accepts the codes and the languages' names in either language.</summary>
    public static string? Normalize(string choice) => TextFolding.Fold(choice) switch
    {
        "es" or "espanol" or "spanish" or "castellano" => "es",
        "en" or "ingles" or "english" => "en",
        "auto" or "teams" or "automatico" or "automatic" or "el de teams" or "teams language" => "auto",
        _ => null,
    };
}
