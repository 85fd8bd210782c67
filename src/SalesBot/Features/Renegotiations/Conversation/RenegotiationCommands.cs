using System.Text.RegularExpressions;
using SalesBot.Bot;
using SalesBot.Bot.Cards;
using SalesBot.Features.Clients;
using SalesBot.Teams.Schema;

namespace SalesBot.Features.Renegotiations.Conversation;

/// <summary>
/// "renegociación <cliente>: <requerimiento>" starts one and consults the areas;
/// "renegociación <cliente> interesado" / "renegociación <cliente> no interesado: <motivo>" closes it.
/// </summary>
public sealed partial class RenegotiationCommand(StartRenegotiation start, CloseRenegotiation close, SearchClients clients)
    : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        var text = (input.Text ?? "").Trim();
        if (NotInterested().Match(text) is { Success: true } no)
        {
            await CloseAsync(turn, no.Groups["client"].Value, false, no.Groups["why"].Value, ct);
            return;
        }
        if (Interested().Match(text) is { Success: true } yes)
        {
            await CloseAsync(turn, yes.Groups["client"].Value, true, null, ct);
            return;
        }
        var colon = text.IndexOf(':');
        if (colon <= 0)
        {
            turn.ReplyText(turn.T("renegotiations.howTo"));
            return;
        }
        if (await ClientAsync(turn, text[..colon], ct) is not { } client) return;
        var result = await start.ExecuteAsync(turn.Actor, client.Id, text[(colon + 1)..], ct);
        if (!result.Ok)
        {
            turn.Refuse(result.Error!);
            return;
        }
        var consulted = result.Value!.Consulted.Select(c => turn.T("area." + Areas.Codes.Code(c.Area)) + " (" + c.PersonName + ")");
        turn.ReplyText(turn.T("renegotiations.started", client.Name, string.Join(", ", consulted)));
    }

    private async Task CloseAsync(BotTurn turn, string clientText, bool interested, string? why, CancellationToken ct)
    {
        if (await ClientAsync(turn, clientText, ct) is not { } client) return;
        var open = await close.InProposalOfAsync(client.Id, ct);
        if (open is null)
        {
            turn.ReplyText(turn.T("renegotiations.noneInProposal", client.Name));
            return;
        }
        var result = await close.ExecuteAsync(turn.Actor, open.Value, interested, why, ct);
        if (!result.Ok) turn.Refuse(result.Error!);
        else turn.ReplyText(turn.T(interested ? "renegotiations.changed" : "renegotiations.notInterested", client.Name));
    }

    private async Task<ClientSummary?> ClientAsync(BotTurn turn, string text, CancellationToken ct)
    {
        var found = await clients.ExecuteAsync(turn.Actor, text.Trim(), 5, ct);
        var folded = TextFolding.Fold(text);
        var matches = found.Value ?? [];
        var one = matches.Count == 1 ? matches[0] : matches.FirstOrDefault(c => TextFolding.Fold(c.Name) == folded);
        if (one is null) turn.ReplyText(matches.Count == 0 ? turn.T("picker.noMatch", TextPreview.Of(text)) : turn.T("picker.several", matches.Count, TextPreview.Of(text)));
        return one;
    }

    [GeneratedRegex(@"^(?<client>.+?)\s+no\s+(?:esta\s+|está\s+)?interesad[oa]\s*(?::|\bporque\b|\bmotivo\b)?\s*(?<why>.*)$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex NotInterested();

    [GeneratedRegex(@"^(?<client>.+?)\s+(?:esta\s+|está\s+)?interesad[oa]\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex Interested();
}

/// <summary>An area's Viable / Not viable buttons.</summary>
public sealed class AnswerConsultationCommand(AnswerConsultation answer) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        if (!Guid.TryParse(input.Field("consultationId"), out var id) || input.Field("viable") is not ("true" or "false"))
        {
            turn.ReplyText(turn.T("error.invalidSubmit"));
            return;
        }
        var result = await answer.ExecuteAsync(turn.Actor, id, input.Field("viable") == "true", input.Field("comment"), ct);
        if (result.Ok) turn.ReplyText(turn.T("renegotiations.answered"));
        else turn.Refuse(result.Error!);
    }
}

/// <summary>"renegociaciones": the consultations waiting for my answer (as cards) and my renegotiations.</summary>
public sealed class RenegotiationsCommand(ReadRenegotiations renegotiations, PendingConsultations pending) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        var waiting = await pending.ReplyAsync(turn, ct);
        var mine = await renegotiations.MineAsync(turn.Actor, ct);
        if (waiting == 0 && mine.Count == 0)
        {
            turn.ReplyText(turn.T("renegotiations.none"));
            return;
        }
        if (mine.Count > 0)
            turn.ReplyText(string.Join("\n\n", mine.Select(r => "• " + r.ClientName + ": " + turn.T("renegotiationstatus." + r.Status) + (r.Reasons is { } why ? " (" + why + ")" : ""))));
    }
}

/// <summary>The consultations waiting for the user's answer, as cards; also sent when their chat with the bot first opens.</summary>
public sealed class PendingConsultations(ReadRenegotiations renegotiations, CardRenderer cards) : IPersonalChatOpened
{
    public async Task<int> ReplyAsync(BotTurn turn, CancellationToken ct)
    {
        var waiting = await renegotiations.WaitingForAsync(turn.Actor, ct);
        foreach (var w in waiting)
        {
            turn.Context.Reply(new Activity
            {
                Type = ActivityTypes.Message,
                Attachments = [cards.RenderAttachment("consultation", ConsultationCard.Data(turn.T, w.Consultation, w.Renegotiation, w.ClientName, w.RequesterName))],
            });
        }
        return waiting.Count;
    }

    public Task OpenedAsync(BotTurn turn, CancellationToken ct) => ReplyAsync(turn, ct);
}
