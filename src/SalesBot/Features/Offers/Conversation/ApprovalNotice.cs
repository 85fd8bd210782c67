using SalesBot.Bot;
using SalesBot.Bot.Localization;
using SalesBot.Infrastructure.Outbox;
using SalesBot.Teams.Schema;

namespace SalesBot.Features.Offers.Conversation;

/// <summary>
/// Approval notices in Teams: the card to each approver in turn (tracked, so every copy can be
/// updated), texts to the requester, and the update of every copy when the state changes. The
/// people, chats and languages of a batch of notices are read together, each offer's card once,
/// and each copy rendered once for its reader: a click costs the same whatever the copies. An
/// approver without a 1:1 chat gets one created when the bot shares a team or group chat with
/// them; otherwise the requester is told who must open the bot, and the approver finds the card
/// under "mis aprobaciones".
/// </summary>
public sealed class ApprovalNotice(PeopleDirectory directory, PersonalChat chat, TrackedCards tracked, OutboxWriter outbox, ApprovalCard card, Localizer localizer,
    Infrastructure.Graph.TeamsAppInstaller installer, ILogger<ApprovalNotice> logger) : IApprovalNotifications
{
    public static string CardKey(Guid offerId) => "offer:" + offerId.ToString("N");

    /// <summary>An approval card shown in a turn ("mis aprobaciones"), tracked like the ones sent, so it too is updated in place.</summary>
    public static void ReplyTracked(BotTurn turn, System.Text.Json.Nodes.JsonNode card, Guid offerId) =>
        turn.ReplyTracked(new Activity { Type = ActivityTypes.Message, Attachments = [Attachment.AdaptiveCard(card)] }, CardKey(offerId));

    public async Task DeliverAsync(IReadOnlyList<OfferNotice> notices, string? answeredInPlace, CancellationToken ct)
    {
        if (notices.Count == 0) return;
        var ids = notices.SelectMany(Recipients).Distinct().ToList();
        var people = await directory.ByIdsAsync(ids, ct);
        var aads = people.Values.Select(p => p.AadObjectId).ToList();
        var chats = await chat.ReferencesOfAsync(aads, ct);
        var languageOf = await chat.LanguagesOfAsync(aads, chats, ct);

        foreach (var notice in notices)
        {
            switch (notice)
            {
                case ApproverAsked asked:
                    await SendCardAsync(asked.OfferId, people[asked.ApproverId], "offers.askText", chats, languageOf, ct);
                    break;
                case ApproverReminded reminded:
                    await SendCardAsync(reminded.OfferId, people[reminded.ApproverId], "offers.reminderText", chats, languageOf, ct, reminded.BusinessDaysWaiting);
                    break;
                case RequesterTold told:
                    Tell(people[told.RequesterId], told.OfferId, told.MessageKey, told.Args, chats, languageOf);
                    break;
                case CardsChanged changed:
                    await RefreshCopiesAsync(changed.OfferId, answeredInPlace, ct);
                    break;
            }
        }
    }

    private static IEnumerable<Guid> Recipients(OfferNotice notice) => notice switch
    {
        ApproverAsked a => [a.ApproverId],
        ApproverReminded r => [r.ApproverId],
        RequesterTold t => [t.RequesterId],
        _ => [],
    };

    private async Task SendCardAsync(Guid offerId, Person approver, string textKey, IReadOnlyDictionary<string, StoredConversationReference> chats,
        Func<Person, string> languageOf, CancellationToken ct, params object?[] extra)
    {
        var model = await card.LoadAsync(offerId, ct);
        var language = languageOf(approver);
        var text = localizer.Get(language, textKey, [model.Offer.Number, .. extra]);
        var activity = PersonalChat.Card(Attachment.AdaptiveCard(card.Render(model, language, approver.Id, null)), text);
        if (chats.GetValueOrDefault(approver.AadObjectId) is { } personal)
        {
            chat.Send(personal, activity, CardKey(offerId));
            return;
        }
        // No 1:1 chat yet: one can be created if the bot shares a team or group chat with them.
        if (await chat.AnySharedConversationAsync(ct) is { } shared)
        {
            activity.Type = ActivityTypes.Message;
            activity.From = new ChannelAccount { Id = shared.BotId, Name = shared.BotName };
            activity.Conversation = new ConversationAccount { TenantId = shared.TenantId };
            outbox.Enqueue(OutboxOperation.CreatePersonalChat, shared.ServiceUrl, shared.ConversationId, null, activity, null, CardKey(offerId), approver.AadObjectId);
            return;
        }
        // Installed for them through Graph when configured: the card comes when Teams opens the chat.
        var installing = installer.Request(approver.AadObjectId);
        logger.LogWarning("Approver {Person} has no chat with the bot yet ({What}); offer {Offer} waits for them",
            approver.AadObjectId, installing ? "installing it for them" : "they must open it", offerId);
        var requester = (await directory.ByIdsAsync([model.Offer.RequesterId], ct))[model.Offer.RequesterId];
        if (!await chat.SendAsync(requester, r => new Activity { Text = localizer.Get(r.Language, installing ? "offers.installingForApprover" : "offers.approverMustOpen", approver.Name) }, ct))
            logger.LogWarning("Requester {Person} has no chat with the bot; not told about offer {Offer}", requester.AadObjectId, offerId);
    }

    private void Tell(Person requester, Guid offerId, string messageKey, object?[] args, IReadOnlyDictionary<string, StoredConversationReference> chats,
        Func<Person, string> languageOf)
    {
        if (chats.GetValueOrDefault(requester.AadObjectId) is { } personal)
            chat.Send(personal, new Activity { Text = localizer.Get(languageOf(requester), messageKey, args) });
        else
            logger.LogWarning("Requester {Person} has no chat with the bot; not told about offer {Offer}", requester.AadObjectId, offerId);
    }

    /// <summary>Every copy of the offer's card, each in its reader's language and seen as its reader sees it (buttons only for the current approver).</summary>
    private async Task RefreshCopiesAsync(Guid offerId, string? answeredInPlace, CancellationToken ct)
    {
        var copies = await tracked.CopiesAsync(CardKey(offerId), ct);
        var model = await card.LoadAsync(offerId, ct);
        var readers = await directory.IdsByAadAsync(copies.Where(c => c.ReaderAadObjectId != null).Select(c => c.ReaderAadObjectId!).Distinct().ToList(), ct);
        foreach (var (copy, aad, language) in copies.Where(c => c.Copy.ActivityId != answeredInPlace))
        {
            var update = new Activity
            {
                Type = ActivityTypes.Message,
                Id = copy.ActivityId,
                Attachments = [Attachment.AdaptiveCard(card.Render(model, language, aad is null ? null : readers.GetValueOrDefault(aad), null))],
                Conversation = new ConversationAccount { Id = copy.ConversationId },
            };
            outbox.Enqueue(OutboxOperation.Update, copy.ServiceUrl, copy.ConversationId, copy.ActivityId, update, null);
        }
        // Decided: this was the copies' last update, so where they are need not be remembered.
        if (model.Offer.Status != OfferStatus.PendingApproval) tracked.Forget(copies);
    }
}
