using System.Globalization;
using System.Text.RegularExpressions;
using SalesBot.Bot;
using SalesBot.Bot.Localization;
using SalesBot.Features.Shared.Calendar;

namespace SalesBot.Features.Visits.Conversation;

/// <summary>
/// "plan de visitas 20" sets my plan for this month; "plan de visitas 20 Alex Wilber" (a team lead)
/// sets a team member's. "plan de visitas 20 diciembre" for another month.
/// </summary>
public sealed partial class SetVisitPlanCommand(VisitCompliance compliance, PeopleDirectory people, BusinessCalendar calendar, TimeProvider clock) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        var match = PlanText().Match(input.Text ?? "");
        if (!match.Success)
        {
            turn.ReplyText(turn.T("visits.planHowTo"));
            return;
        }
        var planned = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        var rest = match.Groups["rest"].Value.Trim();
        var today = calendar.LocalDate(clock.GetUtcNow());
        var month = ReportingPeriod.Month(today.Year, today.Month);
        var ownerId = turn.Actor.PersonId;
        string? ownerName = null;
        if (rest.Length > 0)
        {
            // The words are a month ("diciembre"), a person ("Alex Wilber"), or a person then a month.
            var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // A name and a month are a few words: more is not a plan, and each split below reads the text again.
            if (words.Length > MaxWords)
            {
                turn.ReplyText(turn.T("visits.planWho", TextPreview.Of(rest)));
                return;
            }
            var everyone = await people.AllNamesAsync(ct);
            for (var split = words.Length; split >= 0; split--)
            {
                var personPart = string.Join(' ', words.Take(split));
                var monthPart = string.Join(' ', words.Skip(split));
                var period = monthPart.Length == 0 ? month : ReportingPeriod.Parse(monthPart, today, upcoming: true) is { Kind: "month" } p ? p : null;
                if (period is null) continue;
                if (personPart.Length == 0)
                {
                    month = period;
                    break;
                }
                var folded = TextFolding.Fold(personPart);
                var found = everyone.Where(x => TextFolding.Fold(x.Name).Contains(folded, StringComparison.Ordinal)).ToList();
                if (found.Count != 1) continue;
                (ownerId, ownerName, month) = (found[0].Id, found[0].Name, period);
                break;
            }
            if (ownerName is null && month.From.Month == today.Month && month.From.Year == today.Year && ReportingPeriod.Parse(rest, today, upcoming: true) is null)
            {
                turn.ReplyText(turn.T("visits.planWho", TextPreview.Of(rest)));
                return;
            }
        }
        if (ownerId is null)
        {
            turn.Refuse(DomainError.Forbidden("visits.plan"));
            return;
        }
        var result = await compliance.SetPlanAsync(turn.Actor, ownerId.Value, month.From.Year, month.From.Month, planned, ct);
        if (!result.Ok)
        {
            turn.Refuse(result.Error!);
            return;
        }
        var culture = turn.Format.Culture;
        turn.ReplyText(ownerName is null || ownerId == turn.Actor.PersonId
            ? turn.T("visits.planSet", planned, month.Describe(culture))
            : turn.T("visits.planSetFor", ownerName, planned, month.Describe(culture)));
    }

    private const int MaxWords = 8;

    [GeneratedRegex(@"^\s*(?<n>\d{1,3})\b(?<rest>.*)$", RegexOptions.NonBacktracking)]
    private static partial Regex PlanText();
}

/// <summary>"cumplimiento de visitas [mes]": visits done / planned, mine, or my team's for a team lead.</summary>
public sealed class VisitComplianceCommand(VisitCompliance compliance, BusinessCalendar calendar, TimeProvider clock) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        var today = calendar.LocalDate(clock.GetUtcNow());
        var period = ReportingPeriod.Parse(input.Text, today);
        if (period is not { Kind: "month" })
        {
            turn.ReplyText(turn.T("visits.complianceHowTo"));
            return;
        }
        var result = await compliance.ForMonthAsync(turn.Actor, period.From.Year, period.From.Month, team: true, ct);
        if (!result.Ok)
        {
            turn.Refuse(result.Error!);
            return;
        }
        var culture = turn.Format.Culture;
        var rows = result.Value!;
        var done = rows.Sum(r => r.Done);
        var planned = rows.Sum(r => r.Planned ?? 0);
        turn.ReplyCard("indicator", new
        {
            title = turn.T("visits.complianceTitle", period.Describe(culture)),
            summary = planned == 0 ? turn.T("visits.complianceNoPlan", done) : turn.T("visits.complianceSummary", done, planned, turn.Format.Percent(100m * done / planned)),
            summaryColor = planned == 0 ? "Default" : done >= planned ? "Good" : "Warning",
            rows = rows.Select(r => new
            {
                name = r.Name,
                detail = turn.T("visits.complianceDetail", r.Scheduled),
                figure = r.Planned is { } p ? $"{r.Done}/{p} · {turn.Format.Percent(r.Rate ?? 0)}" : turn.T("visits.complianceRowNoPlan", r.Done),
                weight = "Default",
            }),
            note = turn.T("visits.complianceNote"),
        });
    }

}
