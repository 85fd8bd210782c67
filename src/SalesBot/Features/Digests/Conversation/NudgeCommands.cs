using System.Globalization;
using SalesBot.Bot;
using SalesBot.Bot.Cards;
using SalesBot.Bot.Localization;
using SalesBot.Teams.Schema;

namespace SalesBot.Features.Digests.Conversation;

/// <summary>«mis avisos» (`my nudges`): the executive's nudge settings as a form; «mis avisos ahora»: this week's nudge at once.</summary>
public sealed class MyNudgesCommand(NudgePreferences preferences) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        if (Features.Shared.TextFolding.Fold(input.Text ?? "") is "ahora" or "now" or "ya")
        {
            var now = await preferences.NowAsync(turn.Actor, ct);
            if (!now.Ok) turn.Refuse(now.Error!);
            else if (now.Value!.Items.Count == 0) turn.ReplyText(turn.T("nudges.nothing"));
            else turn.ReplyCard(NudgeCard.Template, NudgeCard.Data(turn.Words, now.Value));
            return;
        }
        var settings = await preferences.ReadAsync(turn.Actor, ct);
        if (!settings.Ok)
        {
            turn.Refuse(settings.Error!);
            return;
        }
        var s = settings.Value!;
        string On(NudgeKinds kind) => (s.Kinds & kind) == kind ? "true" : "false";
        turn.ReplyCard("nudge-settings", new
        {
            title = turn.T("nudges.settingsTitle"),
            intro = turn.T("nudges.settingsIntro"),
            dayLabel = turn.T("nudges.day"),
            day = s.Day.ToString(),
            days = Enum.GetValues<DayOfWeek>().OrderBy(d => ((int)d + 6) % 7)
                .Select(d => new { title = turn.Format.Culture.DateTimeFormat.GetDayName(d), value = d.ToString() }).ToList(),
            hourLabel = turn.T("nudges.hour"),
            hour = s.Hour.ToString("HH:mm", CultureInfo.InvariantCulture),
            staleTitle = turn.T("nudges.kind." + NudgeKinds.Stale),
            stale = On(NudgeKinds.Stale),
            pastCloseTitle = turn.T("nudges.kind." + NudgeKinds.PastClose),
            pastClose = On(NudgeKinds.PastClose),
            nextStepsTitle = turn.T("nudges.kind." + NudgeKinds.NextSteps) + " " + turn.T("nudges.nextStepsMorning"),
            nextSteps = On(NudgeKinds.NextSteps),
            approvedOffersTitle = turn.T("nudges.kind." + NudgeKinds.ApprovedOffers),
            approvedOffers = On(NudgeKinds.ApprovedOffers),
            saveTitle = turn.T("nudges.save"),
        });
    }
}

/// <summary>The «mis avisos» form submitted: day, hour and kinds, each checked before anything is saved.</summary>
public sealed class SaveNudgesCommand(NudgePreferences preferences) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        var day = Enum.TryParse<DayOfWeek>(input.Field("day"), ignoreCase: false, out var d) && Enum.IsDefined(d) ? d : (DayOfWeek?)null;
        var hour = input.Field("hour") is { Length: <= 8 } text && TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var h) ? h : (TimeOnly?)null;
        if (day is null || hour is null)
        {
            turn.ReplyText(turn.T("nudges.badForm"));
            return;
        }
        var kinds = NudgeKinds.None;
        foreach (var (field, kind) in new[] { ("stale", NudgeKinds.Stale), ("pastClose", NudgeKinds.PastClose), ("nextSteps", NudgeKinds.NextSteps), ("approvedOffers", NudgeKinds.ApprovedOffers) })
            if (input.Field(field) == "true") kinds |= kind;
        var saved = await preferences.ChangeAsync(turn.Actor, new DigestSlot(day.Value, hour.Value), kinds, ct);
        if (!saved.Ok)
        {
            turn.Refuse(saved.Error!);
            return;
        }
        turn.ReplyText(kinds == NudgeKinds.None
            ? turn.T("nudges.savedNone")
            : turn.T("nudges.saved", turn.Format.Culture.DateTimeFormat.GetDayName(day.Value), hour.Value.ToString("HH:mm", CultureInfo.InvariantCulture)));
    }
}

/// <summary>«Posponer una semana» on a nudge: the deal is left out of nudges and reminders for seven days.</summary>
public sealed class SnoozeDealCommand(NudgePreferences preferences) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        if (!Guid.TryParse(input.Field("deal"), out var deal))
        {
            turn.ReplyText(turn.T("error.invalidSubmit"));
            return;
        }
        var snoozed = await preferences.SnoozeAsync(turn.Actor, deal, ct);
        if (!snoozed.Ok)
        {
            turn.Refuse(snoozed.Error!);
            return;
        }
        turn.ReplyText(turn.T("nudges.snoozed", snoozed.Value.Deal, turn.Format.ShortDate(snoozed.Value.Until)));
    }
}
