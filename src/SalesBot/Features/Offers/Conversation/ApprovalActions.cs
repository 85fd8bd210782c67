using System.Text.Json.Nodes;
using SalesBot.Bot;
using SalesBot.Teams.Schema;

namespace SalesBot.Features.Offers.Conversation;

/// <summary>
/// The approval card's buttons (Action.Execute) and its refresh. Whoever clicks, the answer is the
/// card as it now is for them: decided once, and for anyone else (a second click, a stale card,
/// someone who is not the approver) the current state with a line saying why nothing changed.
/// </summary>
public sealed class ApprovalActions(DecideApproval decide, IApprovalNotifications notifications, ReadOffers offers, ApprovalCard card) : ICardActionHandler
{
    public async Task<InvokeResponse> HandleAsync(BotTurn turn, AdaptiveCardInvokeAction action, CancellationToken ct)
    {
        var data = action.Data ?? [];
        if (action.Verb == OfferActions.Refresh)
        {
            // Teams asks this each time the card is shown: the offer read to check access is the one rendered.
            if (!Guid.TryParse(Text(data, "offerId"), out var offerId) || await offers.FindAsync(turn.Actor, offerId, ct) is not { Ok: true } found)
                return InvokeResponse.Error(404, "NotFound", turn.Describe(DomainError.NotFound("offer", Text(data, "offerId") ?? "")));
            return InvokeResponse.Card(card.Render(await card.LoadAsync(found.Value!, ct), turn.Language, turn.Actor.PersonId, null));
        }
        if (ApprovalVerbs.Parse(action.Verb) is not { } decision || !Guid.TryParse(Text(data, "stepId"), out var stepId))
            return InvokeResponse.Error(400, "BadRequest", turn.T("error.invalidSubmit"));
        // The clicked card is answered in place by this response: its copy is not updated again.
        var (offerOf, notice) = await ApprovalVerbs.DecideAsync(turn, decide, notifications, stepId, decision, Text(data, "comment"), turn.Activity.ReplyToId, ct);
        if (offerOf is null) return InvokeResponse.Error(404, "NotFound", notice!);
        // A refusal shows the offer only to someone who may see it; anyone else learns nothing of it.
        if (notice is not null && !(await offers.FindAsync(turn.Actor, offerOf.Value, ct)).Ok)
            return InvokeResponse.Error(404, "NotFound", turn.Describe(DomainError.NotFound("offer", offerOf.Value.ToString())));
        return InvokeResponse.Card(await card.RenderAsync(turn.Language, offerOf.Value, turn.Actor.PersonId, notice, ct));
    }

    private static string? Text(JsonObject data, string name) => data[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}

/// <summary>The Action.Submit fallback of the same buttons, for clients without Universal Actions: same decision, answered in text.</summary>
public sealed class DecideApprovalCommand(DecideApproval decide, IApprovalNotifications notifications) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        if (ApprovalVerbs.Parse(input.Field("command")) is not { } decision || !Guid.TryParse(input.Field("stepId"), out var stepId))
        {
            turn.ReplyText(turn.T("error.invalidSubmit"));
            return;
        }
        var (offerId, notice) = await ApprovalVerbs.DecideAsync(turn, decide, notifications, stepId, decision, input.Field("comment"), null, ct);
        turn.ReplyText(notice ?? turn.T(offerId is null ? "error.invalidSubmit" : "offers.decisionRecorded"));
    }
}

public static class ApprovalVerbs
{
    public static Decision? Parse(string? verb) => verb switch
    {
        OfferActions.Approve => Decision.Approve,
        OfferActions.Reject => Decision.Reject,
        OfferActions.Changes => Decision.RequestChanges,
        _ => null,
    };

    /// <summary>
    /// Decides and tells whom it concerns; says what the clicking user should read when the decision
    /// was not theirs to take or was taken already.
    /// </summary>
    public static async Task<(Guid? OfferId, string? Notice)> DecideAsync(BotTurn turn, DecideApproval decide, IApprovalNotifications notifications,
        Guid stepId, Decision decision, string? comment, string? answeredInPlace, CancellationToken ct)
    {
        var result = await decide.ExecuteAsync(turn.Actor, stepId, decision, comment, ct);
        if (result.Ok)
        {
            await notifications.DeliverAsync(result.Value!.Notices, answeredInPlace, ct);
            return (result.Value.Offer.Id, result.Value.Decided ? null : turn.T("offers.alreadyDecided"));
        }
        var error = result.Error!;
        if (error.Kind == ErrorKind.NotFound) return (null, turn.Describe(error));
        var offerId = await decide.OfferOfStepAsync(stepId, ct);
        return (offerId, error.Kind == ErrorKind.Forbidden ? turn.T("offers.notYourTurn") : turn.Describe(error));
    }
}
