using SalesBot.Bot;
using SalesBot.Bot.Cards;
using SalesBot.Bot.Localization;
using SalesBot.Features.Shared.Calendar;
using SalesBot.Teams.Schema;

namespace SalesBot.Features.Visits.Conversation;

/// <summary>Visit reminders in the owner's 1:1 chat, in their language.</summary>
public sealed class VisitReminderNotice(PersonalChat chat, Localizer localizer, CardRenderer cards, BusinessCalendar calendar) : IVisitReminderNotifications
{
    public Task<bool> RemindAsync(Person owner, Visit visit, string clientName, CancellationToken ct) =>
        chat.SendAsync(owner, reader => new Activity
        {
            Text = localizer.Get(reader.Language, "visits.reminder", reader.Format.Time(TimeZoneInfo.ConvertTime(visit.Start, calendar.TimeZone)),
                clientName, visit.Location ?? "-", visit.Interviewee ?? "-"),
        }, ct);

    /// <summary>A one-visit list card: the question, and the button to the log form.</summary>
    public Task<bool> AskHowItWentAsync(Person owner, Visit visit, string clientName, CancellationToken ct) =>
        chat.SendAsync(owner, reader =>
        {
            string T(string key, params object?[] args) => localizer.Get(reader.Language, key, args);
            var start = TimeZoneInfo.ConvertTime(visit.Start, calendar.TimeZone);
            return PersonalChat.Card(cards.RenderAttachment("visit-list", new
            {
                title = T("visits.followUpTitle", clientName),
                summary = T("visits.followUpText"),
                visits = new[]
                {
                    new
                    {
                        heading = reader.Format.DayAndTime(start) + " · " + clientName,
                        detail = visit.Location ?? "",
                        actions = new[] { new { title = T("visits.logResult"), command = VisitActions.LogForm, visitId = visit.Id.ToString(), writes = false } },
                    },
                },
                footer = Array.Empty<object>(),
            }));
        }, ct);
}
