using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesBot.Bot;
using SalesBot.Bot.Cards;
using SalesBot.Bot.Localization;
using SalesBot.Features.Organization;
using SalesBot.Features.Shared.Calendar;
using SalesBot.Infrastructure.Auditing;
using SalesBot.Infrastructure.Data;

namespace SalesBot.Features.Visits.Conversation;

/// <summary>
/// Reminds executives of a visit shortly before it (Visits:ReminderBefore), and the day after an
/// unlogged visit asks how it went, with a button to the log form. Each is sent once: the mark and
/// the message commit together, and the visit's concurrency token lets only one instance win.
/// </summary>
public sealed class VisitReminders(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<VisitOptions> options, ILogger<VisitReminders> logger) : BackgroundService
{
    private static readonly Actor Scheduler = new("system:visit-reminders", "Visit reminders", Role.None, null);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckEvery, clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Visit reminders failed; they will be tried again");
            }
        } while (await Next(timer, stoppingToken));
    }

    /// <summary>Sends what is due now; returns how many messages were queued.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<AuditContext>().Set(Scheduler, "visit-reminders");
        var db = sp.GetRequiredService<SalesBotDbContext>();
        var calendar = sp.GetRequiredService<BusinessCalendar>();
        var chat = sp.GetRequiredService<PersonalChat>();
        var localizer = sp.GetRequiredService<Localizer>();
        var cards = sp.GetRequiredService<CardRenderer>();

        var remindFrom = now + options.Value.ReminderBefore;
        var soon = await db.Visits
            .Where(v => v.Status == VisitStatus.Scheduled && v.ReminderSentAt == null && v.Start > now && v.Start <= remindFrom)
            .OrderBy(v => v.Start).Take(100).ToListAsync(ct);
        // "The day after": visits that ended before today began, in the organisation's time zone.
        var todayStarts = calendar.StartOf(calendar.LocalDate(now));
        var unlogged = await db.Visits
            .Where(v => v.Status == VisitStatus.Scheduled && v.FollowUpAskedAt == null && v.End <= todayStarts)
            .OrderBy(v => v.Start).Take(100).ToListAsync(ct);
        if (soon.Count == 0 && unlogged.Count == 0) return 0;

        var ownerIds = soon.Concat(unlogged).Select(v => v.OwnerId).Distinct().ToList();
        var clientIds = soon.Concat(unlogged).Select(v => v.ClientId).Distinct().ToList();
        var people = await db.People.Where(p => ownerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var clients = await db.Clients.Where(c => clientIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var sent = 0;
        foreach (var visit in soon)
        {
            var owner = people[visit.OwnerId];
            var local = TimeZoneInfo.ConvertTime(visit.Start, calendar.TimeZone);
            if (await chat.SendAsync(owner, language => new Teams.Schema.Activity
            {
                Text = localizer.Get(language, "visits.reminder", local.ToString("HH:mm", Localizer.Culture(language)), clients[visit.ClientId],
                    visit.Location ?? "-", visit.Interviewee ?? "-"),
            }, ct)) sent++;
            visit.MarkReminded(now);
        }
        foreach (var visit in unlogged)
        {
            var owner = people[visit.OwnerId];
            if (await chat.SendAsync(owner, language => PersonalChat.Card(FollowUpCard(cards, localizer, calendar, language, visit, clients[visit.ClientId])), ct)) sent++;
            visit.MarkFollowUpAsked(now);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another instance (or the owner) changed one of these visits meanwhile: none of this batch is sent; the next round decides again.
            return 0;
        }
        return sent;
    }

    /// <summary>"How did your visit to X go?" with the button to the log form, as a one-visit list card.</summary>
    private static Teams.Schema.Attachment FollowUpCard(CardRenderer cards, Localizer localizer, BusinessCalendar calendar, string language, Visit visit, string client)
    {
        string T(string key, params object?[] args) => localizer.Get(language, key, args);
        var culture = Localizer.Culture(language);
        var start = TimeZoneInfo.ConvertTime(visit.Start, calendar.TimeZone);
        return cards.RenderAttachment("visit-list", new
        {
            title = T("visits.followUpTitle", client),
            summary = T("visits.followUpText"),
            visits = new[]
            {
                new
                {
                    heading = start.ToString("dddd d/MM HH:mm", culture) + " · " + client,
                    detail = visit.Location ?? "",
                    actions = new[] { new { title = T("visits.logResult"), command = VisitActions.LogForm, visitId = visit.Id.ToString() } },
                },
            },
            footer = Array.Empty<object>(),
        });
    }

    private static async Task<bool> Next(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
