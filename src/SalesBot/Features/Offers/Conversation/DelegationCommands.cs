using System.Text.RegularExpressions;
using SalesBot.Bot;
using SalesBot.Bot.Localization;
using SalesBot.Features.Shared.Calendar;

namespace SalesBot.Features.Offers.Conversation;

/// <summary>"delegar aprobaciones en Megan Bowen hasta 30/11": a deputy decides my approvals while I am away.</summary>
public sealed partial class DelegateCommand(Delegations delegations, BusinessCalendar calendar, TimeProvider clock) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        var today = calendar.LocalDate(clock.GetUtcNow());
        var m = DelegateText().Match(input.Text ?? "");
        var until = m.Success ? ReportingPeriod.Date(m.Groups["until"].Value, today.Year, monthFirst: turn.Language == Bot.Localization.Localizer.English) : null;
        if (until is null)
        {
            turn.ReplyText(turn.T("offers.delegateHowTo"));
            return;
        }
        var result = await delegations.DelegateAsync(turn.Actor, m.Groups["who"].Value, until.Value, ct);
        if (!result.Ok)
        {
            turn.Refuse(result.Error!);
            return;
        }
        turn.ReplyText(turn.T("offers.delegated", result.Value.Deputy.Name, turn.Format.Date(until.Value)));
    }

    [GeneratedRegex(@"^(?:(?:mis\s+|my\s+)?(?:aprobaciones|approvals)\s+)?(?:en|a|to)\s+(?<who>.+?)\s+(?:hasta|until)\s+(?:el\s+)?(?<until>\d{1,2}/\d{1,2}(?:/\d{4})?|\d{4}-\d{1,2}-\d{1,2})\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex DelegateText();
}

/// <summary>"ya volví": ends my delegation; new approvals come to me again.</summary>
public sealed class EndDelegationCommand(Delegations delegations) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        var result = await delegations.EndAsync(turn.Actor, ct);
        if (!result.Ok) turn.Refuse(result.Error!);
        else turn.ReplyText(turn.T(result.Value > 0 ? "offers.delegationEnded" : "offers.noDelegation"));
    }
}
