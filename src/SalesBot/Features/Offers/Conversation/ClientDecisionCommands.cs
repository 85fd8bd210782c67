using System.Text.RegularExpressions;
using SalesBot.Bot;
using SalesBot.Features.Pipeline.Conversation;

namespace SalesBot.Features.Offers.Conversation;

/// <summary>
/// "oferta enviada <oportunidad>", "oferta aceptada <oportunidad>", "oferta rechazada <oportunidad>: <motivo>":
/// the client's side of an approved offer.
/// </summary>
public sealed partial class ClientDecisionReply(ClientDecision decision, DealPicker deals)
{
    public async Task ReplyAsync(BotTurn turn, CommandInput input, string kind, CancellationToken ct)
    {
        var text = input.Text ?? "";
        string? reason = null;
        if (kind == "declined" && ReasonText().Match(text) is { Success: true } m)
        {
            text = m.Groups["what"].Value;
            reason = m.Groups["why"].Value.Trim();
        }
        // Typed ("oferta enviada suministro") or from a card that names the deal.
        if (await deals.FindOneAsync(turn, input.Field("opportunityId") ?? text, ct) is not { } found) return;
        var result = kind == "sent"
            ? await decision.MarkSentAsync(turn.Actor, found.Deal.Id, ct)
            : await decision.RecordAsync(turn.Actor, found.Deal.Id, kind == "accepted", reason, ct);
        if (!result.Ok)
        {
            if (kind == "declined" && result.Error!.Kind == ErrorKind.Invalid) turn.ReplyText(turn.T("offers.declinedHowTo"));
            else turn.Refuse(result.Error!);
            return;
        }
        var (offer, opportunity) = result.Value;
        turn.ReplyText(turn.T("offers.client." + kind, offer.Number, opportunity.Title));
    }

    [GeneratedRegex(@"^(?<what>.+?)\s*(?::|\bporque\b|\bmotivo\b|\bbecause\b)\s*(?<why>.+)$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex ReasonText();
}

public sealed class OfferSentCommand(ClientDecisionReply reply) : IConversationCommand
{
    public Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct) => reply.ReplyAsync(turn, input, "sent", ct);
}

public sealed class OfferAcceptedCommand(ClientDecisionReply reply) : IConversationCommand
{
    public Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct) => reply.ReplyAsync(turn, input, "accepted", ct);
}

public sealed class OfferDeclinedCommand(ClientDecisionReply reply) : IConversationCommand
{
    public Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct) => reply.ReplyAsync(turn, input, "declined", ct);
}
