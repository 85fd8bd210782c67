using SalesBot.Bot;
using SalesBot.Bot.Localization;
using SalesBot.Features.Shared.Calendar;
using SalesBot.Features.Visits.Calendar;

namespace SalesBot.Features.Visits.Conversation;

/// <summary>Tells the owner in their chat that a visit could not be put in their Outlook calendar, and why.</summary>
public sealed class VisitCalendarNotice(PersonalChat chat, Localizer localizer, BusinessCalendar calendar, ILogger<VisitCalendarNotice> logger)
    : IVisitCalendarNotifications
{
    public async Task CalendarFailedAsync(Visit visit, Person owner, string clientName, CancellationToken ct)
    {
        var local = TimeZoneInfo.ConvertTime(visit.Start, calendar.TimeZone);
        var told = await chat.SendAsync(owner, reader => new Teams.Schema.Activity
        {
            Text = localizer.Get(reader.Language, "visits.calendarFailedNotice", clientName, reader.Format.DateTime(local), visit.CalendarError ?? "-"),
        }, ct);
        if (!told) logger.LogWarning("No chat with {Person}; the calendar failure of visit {Visit} is only in 'mis visitas'", owner.AadObjectId, visit.Id);
    }
}
