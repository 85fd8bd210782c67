using System.Text.Json.Nodes;
using SalesBot.Bot;
using SalesBot.Bot.Cards;
using SalesBot.Bot.Localization;
using SalesBot.Features.Pipeline.Conversation;
using SalesBot.Features.Shared.Calendar;

namespace SalesBot.Features.Offers.Conversation;

/// <summary>
/// The approval card: the offer's summary and chain, with Approve / Reject / Request changes
/// (Action.Execute, an Action.Submit fallback) for the step's approver only. Its refresh names the
/// current approver, so their copy shows the buttons and everyone else's the status; after a
/// decision every copy is read-only.
/// </summary>
public sealed class ApprovalCard(ReadOffers offers, PersonalChat chat, CardRenderer cards, Localizer localizer, BusinessCalendar calendar)
{
    // Read once per offer and state in a unit of work: a decision updates N copies from one read.
    private readonly Dictionary<(Guid, Guid), ApprovalCardModel> _loaded = [];

    public async Task<JsonNode> RenderAsync(string language, Guid offerId, Guid? viewerId, string? notice, CancellationToken ct) =>
        Render(await LoadAsync(offerId, ct), language, viewerId, notice);

    /// <summary>What every reader's card shows of the offer, read from the unit of work (a card sent in the turn of a change must show it).</summary>
    public async Task<ApprovalCardModel> LoadAsync(Guid offerId, CancellationToken ct) => await LoadAsync(await offers.CurrentAsync(offerId, ct), ct);

    /// <summary>The same, for an offer already read with its chain (a refresh checked who may see it first).</summary>
    public async Task<ApprovalCardModel> LoadAsync(Offer offer, CancellationToken ct)
    {
        if (_loaded.TryGetValue((offer.Id, offer.Version), out var known)) return known;
        var facts = await offers.CardFactsAsync(offer, ct);
        // The current approver's copy refreshes itself: it names their Teams user id in the chat with the bot.
        var approverAad = offer.PendingStep is { } current ? facts.AadObjectIds[current.ApproverId] : null;
        var approverChatUser = approverAad is null ? null : (await chat.ReferencesOfAsync([approverAad], ct)).GetValueOrDefault(approverAad)?.UserId;
        return _loaded[(offer.Id, offer.Version)] = new ApprovalCardModel(offer, offer.Steps, facts.DealTitle, facts.ClientName, facts.PeopleNames, approverChatUser);
    }

    /// <summary>The card as one reader sees it, in their language: the buttons only for the current approver. No query.</summary>
    public JsonNode Render(ApprovalCardModel model, string language, Guid? viewerId, string? notice)
    {
        string T(string key, params object?[] args) => localizer.Get(language, key, args);
        var (offer, steps, people) = (model.Offer, model.Steps, model.PeopleNames);
        var current = steps.FirstOrDefault(s => s.Status == StepStatus.Pending);
        var actionable = current is not null && offer.Status == OfferStatus.PendingApproval && viewerId == current.ApproverId;

        var (status, color) = offer.Status switch
        {
            OfferStatus.PendingApproval => (T("offers.waitingFor", current is null ? null : people[current.ApproverId], T("level." + current!.Level)), "Warning"),
            OfferStatus.Approved => (T("offers.statusApproved"), "Good"),
            OfferStatus.Rejected => (T("offers.statusRejected"), "Attention"),
            OfferStatus.ChangesRequested => (T("offers.statusChanges"), "Attention"),
            var s => (T("offerstatus." + s), "Default"),
        };
        var format = localizer.Format(language);
        string Money(decimal v) => format.Money(v, offer.Currency);
        return cards.Render("approval", new
        {
            offerId = offer.Id.ToString(),
            refreshUserIds = model.ApproverChatUserId is null ? Array.Empty<string>() : [model.ApproverChatUserId],
            title = T("offers.cardTitle", offer.Number, model.DealTitle, model.ClientName),
            status,
            statusColor = color,
            notice,
            facts = new[]
            {
                new { label = T("offers.client"), value = model.ClientName },
                new { label = T("offers.total"), value = Money(offer.Total) },
                new { label = T("offers.subtotal"), value = Money(offer.Subtotal) },
                new { label = T("offers.discount"), value = format.Percent(offer.DiscountPercent) },
                new { label = T("offers.risk"), value = T("risk." + OfferInput.Risks.Code(offer.Risk)) },
                new { label = T("offers.validUntil"), value = format.ShortDate(offer.ValidUntil) },
                new { label = T("offers.requester"), value = people[offer.RequesterId] },
            }.Concat(offer.Lines.Select(l => new { label = l.Description, value = $"{l.Quantity} × {Money(l.UnitPrice)} × {l.Months} = {Money(l.Amount)}" })),
            chainTitle = T("offers.chainTitle"),
            chain = steps.Select(s => new
            {
                text = $"{s.Order}. {T("level." + s.Level)} · {people[s.ApproverId]}"
                    + (s.RoutedBecause is { } why ? " (" + T("routed." + why) + ")" : "")
                    + " · " + T("stepstatus." + s.Status)
                    + (s.DecidedById is { } by && by != s.ApproverId && people.TryGetValue(by, out var delegateName) ? " " + T("offers.decidedBy", delegateName) : "")
                    + (s.DecidedAt is { } at ? " " + format.DateTime(TimeZoneInfo.ConvertTime(at, calendar.TimeZone)) : "")
                    + (s.Comment is { } c ? " · «" + c + "»" : ""),
            }),
            actionable,
            commentLabel = T("offers.commentLabel"),
            buttons = actionable
                ? new[] { (OfferActions.Approve, "offers.approve"), (OfferActions.Reject, "offers.reject"), (OfferActions.Changes, "offers.requestChanges") }
                    .Select(b => new { title = T(b.Item2), verb = b.Item1, stepId = current!.Id.ToString() }).ToArray()
                : [],
        });
    }
}

/// <summary>An offer as its approval card shows it: the offer and chain, the deal, people's names, and whose copy refreshes itself.</summary>
public sealed record ApprovalCardModel(Offer Offer, IReadOnlyList<ApprovalStep> Steps, string DealTitle, string ClientName,
    IReadOnlyDictionary<Guid, string> PeopleNames, string? ApproverChatUserId);
