using SalesBot.Bot;
using SalesBot.Bot.Localization;
using SalesBot.Features.Shared.Calendar;

namespace SalesBot.Features.Indicators.Conversation;

/// <summary>
/// "metas [mes] [equipo|empresa|persona]": the month's goal of each indicator for the scope, and
/// below it each member's (a team's executives, the company's teams), each saying whether it was
/// set or is a sum or a fallback. Without a month, this one.
/// </summary>
public sealed class GoalsCommand(ReadGoals read, BusinessCalendar calendar, TimeProvider clock) : IConversationCommand
{
    /// <summary>Members shown under each indicator; a company of many teams would not fit a card.</summary>
    internal const int MaxMembers = 6;

    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        var (scope, monthText) = IndicatorRequestText.PeriodAndScopeAnyOrder(input.Text ?? "");
        var month = IndicatorRequestText.Period(monthText, calendar.LocalDate(clock.GetUtcNow()), null);
        if (month is null)
        {
            turn.ReplyText(turn.T("goals.howTo"));
            return;
        }
        var result = await read.ExecuteAsync(turn.Actor, scope, month, ct);
        if (!result.Ok)
        {
            turn.Refuse(result.Error!);
            return;
        }
        var sheet = result.Value!;
        var rows = new List<object>();
        foreach (var goals in sheet.Indicators)
        {
            rows.Add(Row(turn.Words, goals.Indicator, turn.T("indicator." + goals.Indicator.Code()), goals.Goal, "Bolder"));
            rows.AddRange(goals.Members.Take(MaxMembers).Select(m => Row(turn.Words, goals.Indicator, m.Scope.Name, m, "Default")));
            if (goals.Members.Count > MaxMembers)
                rows.Add(new { name = turn.T("goals.more", goals.Members.Count - MaxMembers), detail = "", figure = "", weight = "Default" });
        }
        turn.ReplyCard("indicator", new
        {
            title = turn.T("goals.title", IndicatorText.Scope(turn.Words, sheet.Scope), IndicatorText.Period(turn.Words, month)),
            summary = turn.T("goals.summary", sheet.Indicators.Count(g => g.Goal.Target is not null), sheet.Indicators.Count),
            summaryColor = "Default",
            rows,
            note = turn.T("goals.note"),
        });
    }

    private static object Row(Wording turn, Indicator indicator, string name, GoalLine line, string weight) => new
    {
        name,
        detail = turn.T("goals.source." + line.Source switch
        {
            GoalSource.Sum => line.Scope.Kind == ScopeKind.Company ? "sumTeams" : "sumPeople",
            var source => source.ToString().ToLowerInvariant(),
        }),
        figure = IndicatorText.Goal(turn, indicator, line.Target),
        weight,
    };
}
