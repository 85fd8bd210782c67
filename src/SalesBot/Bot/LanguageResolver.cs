using SalesBot.Bot.Localization;
using SalesBot.Features.Assistant;

namespace SalesBot.Bot;

/// <summary>
/// The language to answer in: the user's own choice ("idioma"), else English when their Teams
/// client says English, else Spanish (the product's default).
/// </summary>
public static class LanguageResolver
{
    // Asked on every turn.
    internal static readonly TurnLookup<string?> ChosenBy = new(
        (db, userKey, ct) => db.LanguagePreferences.AsNoTracking().Where(p => p.UserKey == userKey).Select(p => p.Language).FirstOrDefault(),
        db => $"SELECT p.{DirectRead<LanguagePreference>.Column(db, nameof(LanguagePreference.Language))} FROM {DirectRead<LanguagePreference>.Table(db)} AS p " +
            $"WHERE p.{DirectRead<LanguagePreference>.Column(db, nameof(LanguagePreference.UserKey))} = $key LIMIT 1",
        (_, row) => row.GetString(0));

    public static async Task<string> ResolveAsync(SalesBotDbContext db, string userKey, string? locale, CancellationToken ct) =>
        await ChosenBy.RunAsync(db, userKey, ct) ?? FromLocale(locale);

    /// <summary>The languages chosen by these users (by key), in one query: the others follow their locale.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ChosenAsync(SalesBotDbContext db, IReadOnlyCollection<string> userKeys, CancellationToken ct) =>
        userKeys.Count == 0
            ? new Dictionary<string, string>()
            : await db.LanguagePreferences.AsNoTracking().Where(p => userKeys.Contains(p.UserKey)).ToDictionaryAsync(p => p.UserKey, p => p.Language, ct);

    public static string FromLocale(string? locale) =>
        locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Localizer.English : Localizer.Spanish;
}
