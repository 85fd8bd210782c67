using System.Globalization;
using SalesBot.Bot;
using SalesBot.Bot.Localization;
using SalesBot.Features.Pipeline;
using SalesBot.Features.Pipeline.Conversation;
using SalesBot.Features.Shared.Calendar;

namespace SalesBot.Features.Offers.Conversation;

/// <summary>The offer form for a deal: its first line filled from the deal (seats x unit value x months).</summary>
public sealed class OfferForm(BusinessCalendar calendar, TimeProvider clock)
{
    public void Reply(BotTurn turn, Opportunity deal, string client, CommandInput? values, string? error)
    {
        string V(string field, string fallback) => values?.Field(field) ?? fallback;
        var validUntil = calendar.LocalDate(clock.GetUtcNow()).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        turn.ReplyCard("offer-form", new
        {
            title = turn.T("offers.formTitle"),
            subtitle = deal.Title + " · " + client,
            error,
            opportunityId = deal.Id.ToString(),
            labels = new
            {
                lines = turn.T("offers.linesLabel"),
                description = turn.T("offers.lineDescription"),
                quantity = turn.T("offers.lineQuantity"),
                unitPrice = turn.T("offers.lineUnitPrice"),
                months = turn.T("offers.lineMonths"),
                discount = turn.T("offers.discountLabel"),
                risk = turn.T("offers.risk"),
                validUntil = turn.T("offers.validUntil"),
                notes = turn.T("offers.notes"),
                required = turn.T("clients.required"),
                submit = turn.T("offers.submit"),
            },
            values = new
            {
                line1Description = V("line1Description", deal.ServiceType ?? deal.Title),
                line1Quantity = V("line1Quantity", deal.Seats.ToString(CultureInfo.InvariantCulture)),
                line1UnitPrice = V("line1UnitPrice", turn.Format.Number(deal.UnitValue)),
                line1Months = V("line1Months", deal.ContractMonths.ToString(CultureInfo.InvariantCulture)),
                line2Description = V("line2Description", ""),
                line2Quantity = V("line2Quantity", ""),
                line2UnitPrice = V("line2UnitPrice", ""),
                line2Months = V("line2Months", ""),
                line3Description = V("line3Description", ""),
                line3Quantity = V("line3Quantity", ""),
                line3UnitPrice = V("line3UnitPrice", ""),
                line3Months = V("line3Months", ""),
                discount = V("discount", "0"),
                risk = V("risk", "low"),
                validUntil = V("validUntil", validUntil),
                notes = V("notes", ""),
            },
            risks = OfferInput.Risks.Codes.Select(c => new { title = turn.T("risk." + c), value = c }),
        });
    }

    public static OfferInput Input(CommandInput input) => new(
        [.. Enumerable.Range(1, OfferInput.MaxLines).Select(i => (input.Field($"line{i}Description"), input.Field($"line{i}Quantity"),
            input.Field($"line{i}UnitPrice"), input.Field($"line{i}Months")))],
        input.Field("discount"), input.Field("risk"), input.Field("validUntil"), input.Field("notes"));
}

/// <summary>"nueva oferta <oportunidad>" (or the deal's button): the offer form.</summary>
public sealed class NewOfferCommand(OfferForm form, DealPicker deals) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        if (await deals.FindOneAsync(turn, input.Field("opportunityId") ?? input.Text, ct) is not (var deal, var client)) return;
        form.Reply(turn, deal, client, null, null);
    }
}

/// <summary>The form's button: submits the offer and says who approves, in order.</summary>
public sealed class SubmitOfferCommand(SubmitOffer submit, IApprovalNotifications notifications, OfferForm form, FindOpportunities find) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        if (!Guid.TryParse(input.Field("opportunityId"), out var id))
        {
            turn.ReplyText(turn.T("error.invalidSubmit"));
            return;
        }
        var (submitted, errors) = await submit.ExecuteAsync(turn.Actor, id, OfferForm.Input(input), ct);
        if (submitted is null)
        {
            // Bad data brings the form back with what was typed; any other refusal is said as it is.
            var found = errors.Any(e => e.Kind == ErrorKind.Invalid) ? (await find.ExecuteAsync(turn.Actor, id.ToString(), ct)).Value : null;
            if (found is not [var (deal, client)])
            {
                turn.Refuse(errors);
                return;
            }
            form.Reply(turn, deal, client, input, turn.Describe(errors));
            return;
        }
        var (offer, notices, names) = submitted;
        await notifications.DeliverAsync(notices, null, ct);
        var chain = string.Join(" → ", offer.Steps.Select(s => names[s.ApproverId] + " (" + turn.T("level." + s.Level) + ")"));
        turn.ReplyText(turn.T("offers.submitted", offer.Number, turn.Format.Money(offer.Total, offer.Currency), chain));
    }
}

/// <summary>"mis aprobaciones": the approval cards waiting for me, ready to decide.</summary>
public sealed class MyApprovalsCommand(ReadOffers offers, ApprovalCard card) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        var pending = await offers.PendingForAsync(turn.Actor, ct);
        if (pending.Count == 0)
        {
            turn.ReplyText(turn.T("offers.noApprovals"));
            return;
        }
        foreach (var step in pending)
        {
            var rendered = await card.RenderAsync(turn.Language, step.OfferId, turn.Actor.PersonId, null, ct);
            ApprovalNotice.ReplyTracked(turn, rendered, step.OfferId);
        }
    }
}

/// <summary>"oferta <oportunidad>": the latest offer of a deal with its chain, who decided, when and why.</summary>
public sealed class ShowOfferCommand(DealPicker deals, ReadOffers offers, ApprovalCard card) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        if (await deals.FindOneAsync(turn, input.Field("opportunityId") ?? input.Text, ct) is not (var deal, _)) return;
        var latest = await offers.LatestOfAsync(deal.Id, ct);
        if (latest is null)
        {
            turn.ReplyText(turn.T("offers.none", deal.Title));
            return;
        }
        var rendered = await card.RenderAsync(turn.Language, latest.Value, turn.Actor.PersonId, null, ct);
        ApprovalNotice.ReplyTracked(turn, rendered, latest.Value);
    }
}
