using Microsoft.EntityFrameworkCore;
using SalesBot.Bot;
using SalesBot.Bot.Localization;
using SalesBot.Features.Organization;
using SalesBot.Infrastructure.Data;
using SalesBot.Infrastructure.Outbox;
using SalesBot.Teams.Schema;

namespace SalesBot.Features.Offers.Conversation;

/// <summary>
/// Approval messages in Teams: the card to each approver in turn (tracked, so every copy can be
/// updated), texts to the requester, and the update of every copy when the state changes. An
/// approver without a 1:1 chat gets one created when the bot shares a team or group chat with
/// them; otherwise the requester is told who must open the bot, and the approver finds the card
/// under "mis aprobaciones".
/// </summary>
public sealed class ApprovalNotice(SalesBotDbContext db, PersonalChat chat, OutboxWriter outbox, ApprovalCard card, Localizer localizer,
    Infrastructure.Graph.TeamsAppInstaller installer, ILogger<ApprovalNotice> logger) : IApprovalNotifications
{
    public static string CardKey(Guid offerId) => "offer:" + offerId.ToString("N");

    /// <summary>An approval card shown in a turn ("mis aprobaciones"), tracked like the ones sent, so it too is updated in place.</summary>
    public static void ReplyTracked(BotTurn turn, System.Text.Json.Nodes.JsonNode card, Guid offerId) =>
        turn.ReplyTracked(new Activity { Type = ActivityTypes.Message, Attachments = [Attachment.AdaptiveCard(card)] }, CardKey(offerId));

    public Task AskAsync(Offer offer, ApprovalStep step, Person approver, CancellationToken ct) =>
        SendCardAsync(offer, approver, "offers.askText", [offer.Number], ct);

    public Task RemindAsync(Offer offer, ApprovalStep step, Person approver, int businessDaysWaiting, CancellationToken ct) =>
        SendCardAsync(offer, approver, "offers.reminderText", [offer.Number, businessDaysWaiting], ct);

    private async Task SendCardAsync(Offer offer, Person approver, string textKey, object?[] textArgs, CancellationToken ct)
    {
        var reference = await chat.ReferenceOfAsync(approver, ct);
        // No 1:1 chat yet: one can be created if the bot shares a team or group chat with them.
        var shared = reference is null ? await SharedReferenceAsync(ct) : null;
        if (reference is null && shared is null)
        {
            // Installed for them through Graph when configured: the card comes when Teams opens the chat.
            var installing = installer.Request(approver.AadObjectId);
            logger.LogWarning("Approver {Person} has no chat with the bot yet ({What}); offer {Offer} waits for them",
                approver.AadObjectId, installing ? "installing it for them" : "they must open it", offer.Id);
            var requester = await db.People.FirstAsync(p => p.Id == offer.RequesterId, ct);
            await TellRequesterAsync(offer, requester, installing ? "offers.installingForApprover" : "offers.approverMustOpen", [approver.Name], ct);
            return;
        }
        var language = await LanguageResolver.ResolveAsync(db, approver.AadObjectId, reference?.Locale, ct);
        var rendered = await card.RenderAsync(language, offer.Id, approver.Id, null, ct);
        var activity = PersonalChat.Card(Attachment.AdaptiveCard(rendered), localizer.Get(language, textKey, textArgs));
        activity.Type = ActivityTypes.Message;
        if (reference is not null)
        {
            activity.Conversation = new ConversationAccount { Id = reference.ConversationId, ConversationType = "personal", TenantId = reference.TenantId };
            outbox.Enqueue(OutboxOperation.Send, reference.ServiceUrl, reference.ConversationId, null, activity, null, CardKey(offer.Id));
            return;
        }
        activity.From = new ChannelAccount { Id = shared!.BotId, Name = shared.BotName };
        activity.Conversation = new ConversationAccount { TenantId = shared.TenantId };
        outbox.Enqueue(OutboxOperation.CreatePersonalChat, shared.ServiceUrl, shared.ConversationId, null, activity, null, CardKey(offer.Id), approver.AadObjectId);
    }

    /// <summary>The most recent team channel or group chat the bot is in (its roster finds people's Teams ids).</summary>
    private Task<StoredConversationReference?> SharedReferenceAsync(CancellationToken ct) =>
        db.ConversationReferences.AsNoTracking()
            .Where(r => r.ConversationType == "channel" || r.ConversationType == "groupChat")
            .OrderByDescending(r => r.UpdatedAt).FirstOrDefaultAsync(ct);

    public async Task TellRequesterAsync(Offer offer, Person requester, string messageKey, object?[] args, CancellationToken ct)
    {
        if (!await chat.SendAsync(requester, language => new Activity { Text = localizer.Get(language, messageKey, args) }, ct))
            logger.LogWarning("Requester {Person} has no chat with the bot; not told about offer {Offer}", requester.AadObjectId, offer.Id);
    }

    public async Task RefreshCardsAsync(Offer offer, CancellationToken ct)
    {
        var key = CardKey(offer.Id);
        var copies = await db.SentCards.Where(c => c.Key == key).ToListAsync(ct);
        foreach (var copy in copies)
        {
            // Each copy in its reader's language, seen as its reader sees it (buttons only for the current approver).
            var reader = await db.ConversationReferences.AsNoTracking().Where(r => r.ConversationId == copy.ConversationId)
                .Select(r => new { r.UserAadObjectId, r.Locale }).FirstOrDefaultAsync(ct);
            var person = reader?.UserAadObjectId is { } aad ? await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.AadObjectId == aad, ct) : null;
            var language = reader?.UserAadObjectId is { } id ? await LanguageResolver.ResolveAsync(db, id, reader.Locale, ct) : Localizer.Spanish;
            var rendered = await card.RenderAsync(language, offer.Id, person?.Id, null, ct);
            var update = new Activity
            {
                Type = ActivityTypes.Message,
                Id = copy.ActivityId,
                Attachments = [Attachment.AdaptiveCard(rendered)],
                Conversation = new ConversationAccount { Id = copy.ConversationId },
            };
            outbox.Enqueue(OutboxOperation.Update, copy.ServiceUrl, copy.ConversationId, copy.ActivityId, update, null);
        }
        // Decided: this was the copies' last update, so where they are need not be remembered.
        if (offer.Status != OfferStatus.PendingApproval) db.SentCards.RemoveRange(copies);
    }
}
