using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SalesBot.Bot;
using SalesBot.Bot.Cards;
using SalesBot.Bot.Localization;
using SalesBot.Features.Pipeline.Conversation;
using SalesBot.Features.Shared.Calendar;
using SalesBot.Infrastructure.Data;

namespace SalesBot.Features.Offers.Conversation;

/// <summary>
/// The approval card: the offer's summary and chain, with Approve / Reject / Request changes
/// (Action.Execute, an Action.Submit fallback) for the step's approver only. Its refresh names the
/// current approver, so their copy shows the buttons and everyone else's the status; after a
/// decision every copy is read-only.
/// </summary>
public sealed class ApprovalCard(SalesBotDbContext db, PersonalChat chat, CardRenderer cards, Localizer localizer, BusinessCalendar calendar)
{
    public async Task<JsonNode> RenderAsync(string language, Guid offerId, Guid? viewerId, string? notice, CancellationToken ct)
    {
        string T(string key, params object?[] args) => localizer.Get(language, key, args);
        var culture = Localizer.Culture(language);
        // From the unit of work, not only the database: a card sent in the same turn as the change must show it.
        var offer = db.Offers.Local.FirstOrDefault(o => o.Id == offerId) ?? await db.Offers.FirstAsync(o => o.Id == offerId, ct);
        var stored = await db.ApprovalSteps.Where(s => s.OfferId == offerId).ToListAsync(ct);
        var steps = stored.Union(db.ApprovalSteps.Local.Where(s => s.OfferId == offerId)).OrderBy(s => s.Order).ToList();
        var deal = await db.Opportunities.Where(o => o.Id == offer.OpportunityId)
            .Select(o => new { o.Title, Client = db.Clients.Where(c => c.Id == o.ClientId).Select(c => c.Name).First() }).FirstAsync(ct);
        var ids = steps.Select(s => s.ApproverId).Append(offer.RequesterId).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var current = steps.FirstOrDefault(s => s.Status == StepStatus.Pending);
        var approver = current is null ? null : people[current.ApproverId];
        var approverChatUser = approver is null ? null : (await chat.ReferenceOfAsync(approver, ct))?.UserId;
        var actionable = current is not null && offer.Status == OfferStatus.PendingApproval && viewerId == current.ApproverId;

        var (status, color) = offer.Status switch
        {
            OfferStatus.PendingApproval => (T("offers.waitingFor", approver?.Name, T("level." + current!.Level)), "Warning"),
            OfferStatus.Approved => (T("offers.statusApproved"), "Good"),
            OfferStatus.Rejected => (T("offers.statusRejected"), "Attention"),
            OfferStatus.ChangesRequested => (T("offers.statusChanges"), "Attention"),
            var s => (T("offerstatus." + s), "Default"),
        };
        string Money(decimal v) => MoneyText.Format(v, offer.Currency, culture);
        return cards.Render("approval", new
        {
            offerId = offer.Id.ToString(),
            refreshUserIds = approverChatUser is null ? Array.Empty<string>() : [approverChatUser],
            title = T("offers.cardTitle", offer.Number, deal.Title, deal.Client),
            status,
            statusColor = color,
            notice,
            facts = new[]
            {
                new { label = T("offers.client"), value = deal.Client },
                new { label = T("offers.total"), value = Money(offer.Total) },
                new { label = T("offers.subtotal"), value = Money(offer.Subtotal) },
                new { label = T("offers.discount"), value = offer.DiscountPercent.ToString("0.##", culture) + " %" },
                new { label = T("offers.risk"), value = T("risk." + OfferInput.Risks.Code(offer.Risk)) },
                new { label = T("offers.validUntil"), value = offer.ValidUntil.ToString("d", culture) },
                new { label = T("offers.requester"), value = people[offer.RequesterId].Name },
            }.Concat(offer.Lines.Select(l => new { label = l.Description, value = $"{l.Quantity} × {Money(l.UnitPrice)} × {l.Months} = {Money(l.Amount)}" })),
            chainTitle = T("offers.chainTitle"),
            chain = steps.Select(s => new
            {
                text = $"{s.Order}. {T("level." + s.Level)} · {people[s.ApproverId].Name}"
                    + (s.RoutedBecause is { } why ? " (" + T("routed." + why) + ")" : "")
                    + " · " + T("stepstatus." + s.Status)
                    + (s.DecidedAt is { } at ? " " + TimeZoneInfo.ConvertTime(at, calendar.TimeZone).ToString("g", culture) : "")
                    + (s.Comment is { } c ? " · «" + c + "»" : ""),
            }),
            actionable,
            commentLabel = T("offers.commentLabel"),
            buttons = actionable
                ? new[] { ("offer.approve", "offers.approve"), ("offer.reject", "offers.reject"), ("offer.changes", "offers.requestChanges") }
                    .Select(b => new { title = T(b.Item2), verb = b.Item1, stepId = current!.Id.ToString() }).ToArray()
                : [],
        });
    }
}
