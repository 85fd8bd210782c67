using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SalesBot.Bot;
using SalesBot.Bot.Cards;
using SalesBot.Features.Clients;
using SalesBot.Features.Shared;
using SalesBot.Infrastructure.Data;
using SalesBot.Teams.Schema;

namespace SalesBot.Features.Renegotiations.Conversation;

/// <summary>
/// "renegociación <cliente>: <requerimiento>" starts one and consults the areas;
/// "renegociación <cliente> interesado" / "renegociación <cliente> no interesado: <motivo>" closes it.
/// </summary>
public sealed partial class RenegotiationCommand(StartRenegotiation start, CloseRenegotiation close, SearchClients clients, SalesBotDbContext db)
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
            turn.ReplyText(turn.Describe(result.Error!));
            return;
        }
        var consulted = new List<string>();
        foreach (var c in db.AreaConsultations.Local.Where(c => c.RenegotiationId == result.Value!.Id).OrderBy(c => c.Area))
            consulted.Add(turn.T("area." + Areas.Codes.Code(c.Area)) + " (" + (await db.People.FindAsync([c.PersonId], ct))!.Name + ")");
        turn.ReplyText(turn.T("renegotiations.started", client.Name, string.Join(", ", consulted)));
    }

    private async Task CloseAsync(BotTurn turn, string clientText, bool interested, string? why, CancellationToken ct)
    {
        if (await ClientAsync(turn, clientText, ct) is not { } client) return;
        var open = await db.Renegotiations.Where(r => r.ClientId == client.Id && r.Status == RenegotiationStatus.Proposal).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        if (open is null)
        {
            turn.ReplyText(turn.T("renegotiations.noneInProposal", client.Name));
            return;
        }
        var result = await close.ExecuteAsync(turn.Actor, open.Value, interested, why, ct);
        turn.ReplyText(!result.Ok ? turn.Describe(result.Error!) : turn.T(interested ? "renegotiations.changed" : "renegotiations.notInterested", client.Name));
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
        turn.ReplyText(result.Ok ? turn.T("renegotiations.answered") : turn.Describe(result.Error!));
    }
}

/// <summary>"renegociaciones": the consultations waiting for my answer (as cards) and my renegotiations.</summary>
public sealed class RenegotiationsCommand(SalesBotDbContext db, PendingConsultations pending) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        var me = turn.Actor.PersonId;
        var waiting = await pending.ReplyAsync(turn, ct);
        var mine = await db.Renegotiations.Where(r => r.RequesterId == me).OrderByDescending(r => r.CreatedAt).Take(10)
            .Select(r => new { r.Status, r.Reasons, Client = db.Clients.Where(c => c.Id == r.ClientId).Select(c => c.Name).First() }).ToListAsync(ct);
        if (waiting == 0 && mine.Count == 0)
        {
            turn.ReplyText(turn.T("renegotiations.none"));
            return;
        }
        if (mine.Count > 0)
            turn.ReplyText(string.Join("\n\n", mine.Select(r => "• " + r.Client + ": " + turn.T("renegotiationstatus." + r.Status) + (r.Reasons is { } why ? " (" + why + ")" : ""))));
    }
}

/// <summary>The consultations waiting for the user's answer, as cards; also sent when their chat with the bot first opens.</summary>
public sealed class PendingConsultations(SalesBotDbContext db, CardRenderer cards) : IPersonalChatOpened
{
    public async Task<int> ReplyAsync(BotTurn turn, CancellationToken ct)
    {
        var me = turn.Actor.PersonId;
        var waiting = await db.AreaConsultations.Where(c => c.PersonId == me && c.Viable == null)
            .Join(db.Renegotiations.Where(r => r.Status == RenegotiationStatus.Consulting), c => c.RenegotiationId, r => r.Id, (c, r) => new { c, r })
            .Take(5).ToListAsync(ct);
        foreach (var w in waiting)
        {
            var client = await db.Clients.Where(c => c.Id == w.r.ClientId).Select(c => c.Name).FirstAsync(ct);
            var requester = await db.People.Where(p => p.Id == w.r.RequesterId).Select(p => p.Name).FirstAsync(ct);
            turn.Context.Reply(new Activity
            {
                Type = ActivityTypes.Message,
                Attachments = [cards.RenderAttachment("consultation", ConsultationCard.Data(turn.T, w.c, w.r, client, requester))],
            });
        }
        return waiting.Count;
    }

    public Task OpenedAsync(BotTurn turn, CancellationToken ct) => ReplyAsync(turn, ct);
}
