using SalesBot.Infrastructure.Outbox;
using SalesBot.Teams.Schema;

namespace SalesBot.Bot;

/// <summary>
/// Writes to someone in their personal chat with the bot, outside any turn (reminders,
/// assignments, alerts): through the outbox, so it leaves only if the change that caused it
/// commits, and survives a crash. Someone who has never talked to the bot has no chat yet.
/// </summary>
public sealed class PersonalChat(SalesBotDbContext db, OutboxWriter outbox, Localization.Localizer localizer)
{
    /// <summary>
    /// Queues the message built for the person (their language, their team's way of writing dates
    /// and numbers); false when they have no chat with the bot yet.
    /// </summary>
    public async Task<bool> SendAsync(Person recipient, Func<Localization.Reader, Activity> build, CancellationToken ct)
    {
        var chat = await ReferenceOfAsync(recipient, ct);
        if (chat is null) return false;
        var language = await LanguageResolver.ResolveAsync(db, recipient.AadObjectId, chat.Locale, ct);
        var country = recipient.Team?.Country ?? (recipient.TeamId is { } team
            ? await db.Teams.AsNoTracking().Where(t => t.Id == team).Select(t => t.Country).FirstOrDefaultAsync(ct)
            : null);
        Send(chat, build(localizer.ReaderOf(language, country)));
        return true;
    }

    /// <summary>Queues an activity to a personal chat already looked up (several recipients read in one query).</summary>
    public void Send(StoredConversationReference chat, Activity activity, string? trackingKey = null)
    {
        activity.Type = ActivityTypes.Message;
        activity.From = new ChannelAccount { Id = chat.BotId, Name = chat.BotName };
        activity.Recipient = new ChannelAccount { Id = chat.UserId, Name = chat.UserName, AadObjectId = chat.UserAadObjectId };
        activity.Conversation = new ConversationAccount { Id = chat.ConversationId, ConversationType = "personal", TenantId = chat.TenantId };
        outbox.Enqueue(OutboxOperation.Send, chat.ServiceUrl, chat.ConversationId, null, activity, null, trackingKey);
    }

    /// <summary>The most recent personal chat of each of these people (by Entra object id), in one query.</summary>
    public async Task<IReadOnlyDictionary<string, StoredConversationReference>> ReferencesOfAsync(IReadOnlyCollection<string> aadObjectIds, CancellationToken ct)
    {
        if (aadObjectIds.Count == 0) return new Dictionary<string, StoredConversationReference>();
        var chats = await db.ConversationReferences.AsNoTracking()
            .Where(r => r.UserAadObjectId != null && aadObjectIds.Contains(r.UserAadObjectId) && r.ConversationType == "personal")
            .ToListAsync(ct);
        return chats.GroupBy(r => r.UserAadObjectId!).ToDictionary(g => g.Key, g => g.MaxBy(r => r.UpdatedAt)!);
    }

    /// <summary>The person's most recent personal chat with the bot, or null when they never opened it.</summary>
    public Task<StoredConversationReference?> ReferenceOfAsync(Person person, CancellationToken ct) =>
        db.ConversationReferences.AsNoTracking()
            .Where(r => r.UserAadObjectId == person.AadObjectId && r.ConversationType == "personal")
            .OrderByDescending(r => r.UpdatedAt)
            .FirstOrDefaultAsync(ct);

    /// <summary>The language to write to each of these people in: their choice, else their chat's locale (one query).</summary>
    public async Task<Func<Person, string>> LanguagesOfAsync(IReadOnlyCollection<string> aadObjectIds,
        IReadOnlyDictionary<string, StoredConversationReference> chats, CancellationToken ct)
    {
        var chosen = await LanguageResolver.ChosenAsync(db, aadObjectIds, ct);
        return p => chosen.GetValueOrDefault(p.AadObjectId) ?? LanguageResolver.FromLocale(chats.GetValueOrDefault(p.AadObjectId)?.Locale);
    }

    /// <summary>The most recent team channel or group chat the bot is in (its roster finds people's Teams ids to open a 1:1 chat).</summary>
    public Task<StoredConversationReference?> AnySharedConversationAsync(CancellationToken ct) =>
        db.ConversationReferences.AsNoTracking()
            .Where(r => r.ConversationType == "channel" || r.ConversationType == "groupChat")
            .OrderByDescending(r => r.UpdatedAt).FirstOrDefaultAsync(ct);

    /// <summary>An activity with a card that makes the Teams client alert the person.</summary>
    public static Activity Card(Attachment card, string? text = null) => new()
    {
        Text = text,
        Attachments = [card],
        ChannelData = new System.Text.Json.Nodes.JsonObject { ["notification"] = new System.Text.Json.Nodes.JsonObject { ["alert"] = true } },
    };
}
