using SalesBot.Bot.Cards;
using SalesBot.Bot.Localization;
using SalesBot.Teams.Hosting;
using SalesBot.Teams.Schema;

namespace SalesBot.Bot;

/// <summary>
/// What conversation code needs during one turn: who is speaking (and whether the organisation
/// knows them), in which language to answer, and how to reply with text or a card.
/// </summary>
public sealed class BotTurn(ITurnContext context, Localizer localizer, CardRenderer cards, string language, Person? person, Actor actor, string correlationId)
{
    public ITurnContext Context { get; } = context;
    public Activity Activity => Context.Activity;
    public string Language { get; set; } = language;
    public Person? Person { get; } = person;
    public Actor Actor { get; } = actor;
    public string CorrelationId { get; } = correlationId;

    /// <summary>
    /// The replies go to the sender's personal chat, not to the shared conversation the turn came
    /// from (see <see cref="SharedConversations"/>); set when the command is chosen.
    /// </summary>
    public bool RepliesPrivately { get; set; }

    /// <summary>The Entra object id when Teams sends one, else the channel user id (stable per bot).</summary>
    public string UserKey => Activity.From?.AadObjectId ?? Activity.From?.Id ?? "";

    public string T(string key, params object?[] args) => localizer.Get(Language, key, args);

    /// <summary>Whether an optional text exists (a command's example sentence).</summary>
    public bool Has(string key) => localizer.Has(key);

    /// <summary>How dates, numbers and money are written for the reader of this turn.</summary>
    public Localization.TextFormat Format => localizer.Format(Language, Person?.Team?.Country);

    /// <summary>The reader of this turn's replies, for code shared with messages sent outside a turn.</summary>
    public Reader Reader => new(Language, Format);

    /// <summary>This turn's reader's words, for text shared with messages written outside a turn.</summary>
    public Wording Words => new(localizer, Reader);

    /// <summary>A use case's refusal, in the user's language.</summary>
    public string Describe(Features.Shared.DomainError error) => localizer.Describe(Language, error);

    /// <summary>Several refusals (a form's fields), each said once, with their next steps.</summary>
    public string Describe(IEnumerable<Features.Shared.DomainError> errors) => localizer.Describe(Language, errors);

    /// <summary>
    /// Answers a refusal: what was refused and what to do next, with the command that does it as a
    /// button when there is one (it sends the command as the user's own message, so they learn it).
    /// </summary>
    public void Refuse(Features.Shared.DomainError error)
    {
        if (localizer.NextCommandOf(Language, error) is not { } command)
        {
            ReplyText(Describe(error));
            return;
        }
        ReplyCard("next-step", new { text = Describe(error), actions = new[] { new { title = command } } });
    }

    /// <summary>Several refusals (a form's fields, answered in text): each said, each next step once.</summary>
    public void Refuse(IReadOnlyList<Features.Shared.DomainError> errors)
    {
        if (errors.Count == 1) Refuse(errors[0]);
        else ReplyText(Describe(errors));
    }

    public void ReplyText(string text) => Context.Reply(Cards.LiveLinks.Defuse(text));

    private Dictionary<Activity, string>? _tracked;

    /// <summary>
    /// A reply whose delivery is recorded under <paramref name="key"/> (a <see cref="Infrastructure.Outbox.SentCard"/>),
    /// so later changes update it in place. The key stays here, beside the reply: nothing of it is sent.
    /// </summary>
    public void ReplyTracked(Activity activity, string key)
    {
        (_tracked ??= new(ReferenceEqualityComparer.Instance))[activity] = key;
        Context.Reply(activity);
    }

    /// <summary>The key a reply was tracked under, if any.</summary>
    public string? TrackingKeyOf(Activity reply) => _tracked?.GetValueOrDefault(reply);

    /// <summary>Cards go as their own activity: Teams splits text+card messages and the id is then unusable for updates.</summary>
    public void ReplyCard(string template, object data) =>
        Context.Reply(new Activity { Type = ActivityTypes.Message, Attachments = [cards.RenderAttachment(template, data)] });

    /// <summary>
    /// A card whose data depends only on <paramref name="key"/> and the turn's language: the data is
    /// built once per key and language (<see cref="CardRenderer.RenderShared"/>), not on every turn.
    /// Whatever else <paramref name="data"/> reads from the turn must be part of the key.
    /// </summary>
    public void ReplySharedCard(string template, string key, Func<BotTurn, object> data) =>
        Context.Reply(new Activity
        {
            Type = ActivityTypes.Message,
            Attachments = [Attachment.AdaptiveCard(cards.RenderShared(template, Language + "/" + key, () => data(this)))],
        });
}
