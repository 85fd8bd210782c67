using SalesBot.Features.Shared;
using SalesBot.Bot;
using SalesBot.Bot.Cards;
using SalesBot.Bot.Localization;
using SalesBot.Features.Indicators;
using SalesBot.Features.Indicators.Conversation;
using SalesBot.Features.Shared.Calendar;
using SalesBot.Teams.Schema;

namespace SalesBot.Features.Reports.Conversation;

/// <summary>What users can ask of the reports: each action's name and the phrases that ask for it.</summary>
public static class ReportActions
{
    public const string Monthly = "reports.monthly";

    public static readonly PhraseSet Phrases = new(
    [
        ("informe mensual", Monthly),
        ("reporte mensual", Monthly),
        ("mi informe mensual", Monthly),
        ("monthly report", Monthly),
        ("my monthly report", Monthly),
    ]);
}

/// <summary>"informe mensual [mes] [equipo|empresa|persona]": the report card, with its XLSX link. Without a month, the previous one.</summary>
public sealed class MonthlyReportCommand(ReadMonthlyReport read, MonthlyReportLinks links, BusinessCalendar calendar, TimeProvider clock) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        var (scope, monthText) = IndicatorRequestText.PeriodAndScopeAnyOrder(input.Text ?? "");
        var today = calendar.LocalDate(clock.GetUtcNow());
        var month = monthText is null ? IndicatorPeriod.Month(today.Year, today.Month).Previous() : IndicatorRequestText.Period(monthText, today, null);
        if (month is null)
        {
            turn.ReplyText(turn.T("report.howTo"));
            return;
        }
        var result = await read.ExecuteAsync(turn.Actor, scope, month, ct);
        if (!result.Ok)
        {
            turn.Refuse(result.Error!);
            return;
        }
        var report = result.Value!;
        turn.ReplyCard(MonthlyReportCard.Template, MonthlyReportCard.Data(turn.Words, report, links.UrlFor(report.Scope, report.Month, turn.Language)));
    }
}

/// <summary>
/// Sends the scheduled monthly report to a person's personal chat through the outbox, in their
/// language, with a download link made for them. Someone who has never talked to the bot has no
/// chat yet; they can ask for it with «informe mensual».
/// </summary>
public sealed class MonthlyReportNotice(PersonalChat chat, CardRenderer cards, Localizer localizer, MonthlyReportLinks links) : IMonthlyReportNotifications
{
    public Task<bool> SendAsync(Person recipient, MonthlyReport report, CancellationToken ct) =>
        chat.SendAsync(recipient, reader => PersonalChat.Card(cards.RenderAttachment(MonthlyReportCard.Template,
            MonthlyReportCard.Data(new Wording(localizer, reader), report, links.UrlFor(report.Scope, report.Month, reader.Language)))), ct);
}
