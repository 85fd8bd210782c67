using SalesBot.Teams.Schema;

namespace SalesBot.Bot;

/// <summary>
/// The conversation a turn came from, as stored (where and how to reach it later), refreshed from
/// the activity. It is read untracked and joins the unit of work only if the refresh or the handler
/// changed it (<see cref="TrackIfChanged"/>): most turns change nothing, and tracking it cost them a
/// tracked query and a change comparison each (bench/). Nothing else in a turn tracks a reference:
/// every other reader of the table reads untracked.
/// </summary>
internal sealed class TurnConversation
{
    internal static readonly TurnLookup<StoredConversationReference?> ReferenceById = new(
        (db, id, ct) => db.ConversationReferences.AsNoTracking().FirstOrDefault(r => r.ConversationId == id),
        db => $"SELECT {DirectRead<StoredConversationReference>.Columns(db, "r")} FROM {DirectRead<StoredConversationReference>.Table(db)} AS r " +
            $"WHERE r.{DirectRead<StoredConversationReference>.Column(db, nameof(StoredConversationReference.ConversationId))} = $key LIMIT 1",
        (db, row) => DirectRead<StoredConversationReference>.Read(db, row, 0));

    // "Last used" picks the newest of a user's chats; a minute is precise enough for that, and not
    // rewriting an unchanged reference spares an UPDATE on nearly every turn.
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    /// <summary>The reference the handler sees (and may change: the welcome is remembered on it).</summary>
    public StoredConversationReference Reference { get; }

    /// <summary>Whether the bot knows the conversation (false: a transient reference, never stored).</summary>
    public bool Known { get; }

    /// <summary>The stored values as read; null when there is nothing to compare with (new, or transient).</summary>
    private readonly StoredConversationReference? _asRead;

    private TurnConversation(StoredConversationReference reference, bool known, StoredConversationReference? asRead)
    {
        Reference = reference;
        Known = known;
        _asRead = asRead;
    }

    /// <summary>
    /// Where the bot may not be (see <see cref="SharedConversations.IsElsewhere"/>), and for an
    /// invoke from a conversation the bot never heard from (a card inserted by the message
    /// extension, clicked in a chat without the bot), nothing is stored: a reference is where the
    /// bot may write, and it may not write there.
    /// </summary>
    public static async Task<TurnConversation> LoadAsync(SalesBotDbContext db, Activity activity, TimeProvider clock, CancellationToken ct)
    {
        var conversationId = activity.Conversation?.Id ?? "";
        TurnConversation Transient() => new(new StoredConversationReference { ConversationId = conversationId, Locale = activity.ClientLocale() }, false, null);
        if (SharedConversations.IsElsewhere(activity)) return Transient();
        var stored = await ReferenceById.RunAsync(db, conversationId, ct);
        if (stored is null)
        {
            if (activity.IsType(ActivityTypes.Invoke)) return Transient();
            var created = new StoredConversationReference { ConversationId = conversationId };
            Refresh(created, activity);
            created.UpdatedAt = clock.GetUtcNow();
            db.ConversationReferences.Add(created);
            return new TurnConversation(created, true, null);
        }
        var asRead = stored.Copy();
        Refresh(stored, activity);
        var now = clock.GetUtcNow();
        if (!SameValues(db, stored, asRead) || now - stored.UpdatedAt >= TouchInterval) stored.UpdatedAt = now;
        return new TurnConversation(stored, true, asRead);
    }

    /// <summary>
    /// Before the commit: a stored reference that differs from what was read joins the unit of
    /// work, with the values read as its originals, so only what changed is written and the
    /// welcome's concurrency token is checked against the value read.
    /// </summary>
    public void TrackIfChanged(SalesBotDbContext db)
    {
        if (_asRead is null || SameValues(db, Reference, _asRead)) return;
        var entry = db.Attach(Reference);
        entry.OriginalValues.SetValues(_asRead);
        entry.DetectChanges();
    }

    private static void Refresh(StoredConversationReference stored, Activity activity)
    {
        var channelData = activity.GetTeamsChannelData();
        stored.ChannelId = activity.ChannelId ?? "msteams";
        stored.ServiceUrl = activity.ServiceUrl ?? stored.ServiceUrl;
        stored.ConversationType = activity.Conversation?.ConversationType ?? stored.ConversationType;
        stored.TenantId = activity.TenantId ?? stored.TenantId;
        stored.BotId = activity.Recipient?.Id ?? stored.BotId;
        stored.BotName = activity.Recipient?.Name ?? stored.BotName;
        stored.UserId = activity.From?.Id ?? stored.UserId;
        stored.UserAadObjectId = activity.From?.AadObjectId ?? stored.UserAadObjectId;
        stored.UserName = activity.From?.Name ?? stored.UserName;
        stored.TeamId = channelData?.Team?.Id ?? stored.TeamId;
        stored.TeamsChannelId = channelData?.Channel?.Id ?? stored.TeamsChannelId;
        stored.Locale = activity.ClientLocale() ?? stored.Locale;
    }

    // By the model's properties, not a hand-kept list: a column added later is compared too.
    private static IEnumerable<Microsoft.EntityFrameworkCore.Metadata.IProperty> Columns(SalesBotDbContext db) =>
        db.Model.FindEntityType(typeof(StoredConversationReference))!.GetProperties();

    private static bool SameValues(SalesBotDbContext db, StoredConversationReference a, StoredConversationReference b) =>
        Columns(db).All(p => Equals(p.GetGetter().GetClrValue(a), p.GetGetter().GetClrValue(b)));
}
