using System.Globalization;
using System.Text.RegularExpressions;
using SalesBot.Bot;
using SalesBot.Bot.Localization;
using SalesBot.Features.Clients.Conversation;

namespace SalesBot.Features.Pipeline.Conversation;

/// <summary>"nueva oportunidad [cliente]": the form, the client looked up when named.</summary>
public sealed class NewOpportunityCommand(OpportunityForm form) : IConversationCommand
{
    public Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        var query = string.IsNullOrWhiteSpace(input.Text) ? null : input.Text.Trim();
        return form.ReplyAsync(turn, new OpportunityInput(null, null, null, null, null, null, null, null, null, null),
            query is null ? null : new ClientPick(null, null, [], query), null, ct);
    }
}

/// <summary>The form's Save button: creates the deal, or edits it (and moves it when the stage changed).</summary>
public sealed class SaveOpportunityCommand(CreateOpportunity create, EditOpportunity edit, MoveOpportunity move, ClientPicker picker,
    OpportunityForm form, FindOpportunities find) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        var values = OpportunityForm.ValuesFrom(input);
        if (Guid.TryParse(input.Field("opportunityId"), out var id))
        {
            var (edited, errors) = await edit.ExecuteAsync(turn.Actor, id, values, ct);
            if (edited is null)
            {
                if (errors.Any(e => e.Code is "forbidden" or "not-found" or "opportunity-closed"))
                {
                    // A closed deal can still be reopened by moving it: try that before refusing.
                    if (!(errors.Any(e => e.Code == "opportunity-closed") && Stages.Codes.Parse(input.Field("stage")) is { } reopen
                        && await TryMoveAsync(turn, id, reopen, input.Field("lostReason"), ct)))
                        turn.Refuse(errors);
                    return;
                }
                var current = (await find.ExecuteAsync(turn.Actor, id.ToString(), ct)).Value?.FirstOrDefault();
                await form.ReplyAsync(turn, values, null, turn.Describe(errors), ct, current?.Deal, current?.ClientName,
                    input.Field("stage"), input.Field("lostReason"));
                return;
            }
            var stage = Stages.Codes.Parse(input.Field("stage"));
            if (stage is { } target && target != edited.Stage)
            {
                await TryMoveAsync(turn, id, target, input.Field("lostReason"), ct);
                return;
            }
            turn.ReplyText(turn.T("opportunities.saved", edited.Title, turn.Format.Money(edited.TotalValue, edited.Currency)));
            return;
        }

        var pick = await picker.ResolveAsync(turn, input, ct);
        if (pick.Client is null)
        {
            await form.ReplyAsync(turn, values, pick, pick.Problem, ct);
            return;
        }
        var (created, problems) = await create.ExecuteAsync(turn.Actor, pick.Client.Id, values, ct);
        if (created is null)
        {
            await form.ReplyAsync(turn, values, pick, turn.Describe(problems), ct);
            return;
        }
        turn.ReplyText(turn.T("opportunities.created", created.Title, pick.Client.Name, turn.Format.Money(created.MonthlyValue, created.Currency),
            created.ContractMonths, turn.Format.Money(created.TotalValue, created.Currency), turn.T("stage." + created.Stage.Code()), turn.Format.Percent(created.Probability)));
    }

    private async Task<bool> TryMoveAsync(BotTurn turn, Guid id, Stage target, string? reason, CancellationToken ct)
    {
        var moved = await move.ExecuteAsync(turn.Actor, id, target, reason, ct);
        if (moved.Ok)
            turn.ReplyText(turn.T("opportunities.moved", moved.Value!.Title, turn.T("stage." + moved.Value.Stage.Code()), turn.Format.Percent(moved.Value.Probability)));
        else turn.Refuse(moved.Error!);
        return moved.Ok;
    }
}

/// <summary>"Editar" on a deal: the form filled with it.</summary>
public sealed class EditOpportunityFormCommand(OpportunityForm form, DealPicker deals) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        if (await deals.FindOneAsync(turn, input.Field("opportunityId") ?? input.Text, ct) is not (var opportunity, var client)) return;
        await form.ReplyAsync(turn, OpportunityInput.From(opportunity), null, null, ct, opportunity, client);
    }
}

/// <summary>
/// "mover suministro ferretería a negociación", "perdida suministro ferretería: precio": the stage
/// machine from chat. The deal is found by words of its title or client among those the user sees.
/// </summary>
public sealed partial class StageChangeReply(MoveOpportunity move, DealPicker deals)
{
    public async Task ReplyAsync(BotTurn turn, CommandInput input, bool lost, CancellationToken ct)
    {
        var text = input.Text ?? "";
        string reference;
        Stage target;
        string? reason = null;
        if (lost)
        {
            // "perdida <oportunidad>: <motivo>" (or "porque <motivo>").
            var m = LostText().Match(text);
            reference = m.Success ? m.Groups["what"].Value : text;
            reason = m.Success ? m.Groups["why"].Value.Trim() : null;
            target = Stage.Lost;
        }
        else
        {
            var m = MoveText().Match(text);
            if (!m.Success || Stages.Codes.Parse(m.Groups["stage"].Value) is not { } stage)
            {
                turn.ReplyText(turn.T("opportunities.moveHowTo"));
                return;
            }
            reference = m.Groups["what"].Value;
            target = stage;
        }
        if (await deals.FindOneAsync(turn, reference, ct) is not { } found) return;
        var moved = await move.ExecuteAsync(turn.Actor, found.Deal.Id, target, reason, ct);
        if (!moved.Ok)
        {
            if (lost && moved.Error!.Kind == ErrorKind.Invalid) turn.ReplyText(turn.T("opportunities.lostHowTo"));
            else turn.Refuse(moved.Error!);
            return;
        }
        turn.ReplyText(turn.T("opportunities.moved", moved.Value!.Title, turn.T("stage." + moved.Value.Stage.Code()), turn.Format.Percent(moved.Value.Probability)));
    }

    [GeneratedRegex(@"^(?<what>.+?)\s+(?:a|al|hacia|to)\s+(?<stage>[\p{L} ]+?)\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex MoveText();

    [GeneratedRegex(@"^(?<what>.+?)\s*(?::|\bporque\b|\bmotivo\b|\bbecause\b)\s*(?<why>.+)$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex LostText();
}

public sealed class MoveStageCommand(StageChangeReply reply) : IConversationCommand
{
    public Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct) => reply.ReplyAsync(turn, input, lost: false, ct);
}

public sealed class MarkLostCommand(StageChangeReply reply) : IConversationCommand
{
    public Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct) => reply.ReplyAsync(turn, input, lost: true, ct);
}

/// <summary>The one deal the user means, or null after telling them it is unknown or which ones match.</summary>
public sealed class DealPicker(FindOpportunities find)
{
    public async Task<DealOfClient?> FindOneAsync(BotTurn turn, string? reference, CancellationToken ct)
    {
        var found = await find.ExecuteAsync(turn.Actor, reference, ct);
        if (!found.Ok) turn.Refuse(found.Error!);
        else if (found.Value is [var one]) return one;
        else turn.ReplyText(turn.T("opportunities.whichOne", string.Join("; ", found.Value!.Take(10).Select(d => "«" + d.Deal.Title + "»"))));
        return null;
    }
}
