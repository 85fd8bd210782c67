using SalesBot.Infrastructure.Outbox;

namespace SalesBot.Bot;

/// <summary>A sent copy of a tracked card, with who reads it and in which language (no reader: a shared conversation, in Spanish).</summary>
public sealed record CardCopy(SentCard Copy, string? ReaderAadObjectId, string Language);

/// <summary>
/// The copies of a tracked card (the outbox records each one it sends under the card's key), read
/// in three queries whatever their number, so that every copy can be updated in its reader's language.
/// </summary>
public sealed class TrackedCards(SalesBotDbContext db)
{
    public async Task<IReadOnlyList<CardCopy>> CopiesAsync(string key, CancellationToken ct)
    {
        var copies = await db.SentCards.Where(c => c.Key == key).ToListAsync(ct);
        if (copies.Count == 0) return [];
        var conversations = copies.Select(c => c.ConversationId).ToList();
        var readers = await db.ConversationReferences.AsNoTracking().Where(r => conversations.Contains(r.ConversationId))
            .Select(r => new { r.ConversationId, r.UserAadObjectId, r.Locale }).ToListAsync(ct);
        var readerAads = readers.Where(r => r.UserAadObjectId != null).Select(r => r.UserAadObjectId!).Distinct().ToList();
        var chosen = await LanguageResolver.ChosenAsync(db, readerAads, ct);
        return copies.Select(copy =>
        {
            var reader = readers.FirstOrDefault(r => r.ConversationId == copy.ConversationId);
            var aad = reader?.UserAadObjectId;
            var language = aad is null ? Localization.Localizer.Spanish : chosen.GetValueOrDefault(aad) ?? LanguageResolver.FromLocale(reader!.Locale);
            return new CardCopy(copy, aad, language);
        }).ToList();
    }

    /// <summary>The copies had their last update: where they are need not be remembered.</summary>
    public void Forget(IEnumerable<CardCopy> copies) => db.SentCards.RemoveRange(copies.Select(c => c.Copy));
}
