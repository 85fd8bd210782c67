using System.Globalization;
using System.Text.Json;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.Calendar.GetSchedule;
using Person = SalesBot.Features.Organization.Person;
using SalesBot.Infrastructure.Graph;
using SalesBot.Infrastructure.Outbox;

namespace SalesBot.Features.Visits.Calendar;

/// <summary>
/// The executive's Outlook calendar through Microsoft Graph (app-only): free/busy with getSchedule
/// before a visit is saved, and the event written afterwards through the outbox, so an outage or
/// throttling delays the event but never loses the visit.
/// </summary>
public sealed class GraphVisitCalendar(GraphServiceClient graph, OutboxWriter outbox, IOptions<GraphOptions> options, ILogger<GraphVisitCalendar> logger) : IVisitCalendar
{
    public const string Lane = "graph:calendar";

    private static readonly TimeSpan FreeBusyTimeout = TimeSpan.FromSeconds(5);

    public bool IsExternal => true;

    public async Task<FreeBusy> BusyAsync(Person owner, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // Inside a Teams turn, which gives up after about 15 s: a slow Graph means "could not check", said to the user.
        timeout.CancelAfter(options.Value.Timeout < FreeBusyTimeout ? options.Value.Timeout : FreeBusyTimeout);
        try
        {
            var response = await graph.Users[owner.AadObjectId].Calendar.GetSchedule.PostAsGetSchedulePostResponseAsync(new GetSchedulePostRequestBody
            {
                Schedules = [owner.Email],
                StartTime = GraphTime.Utc(start),
                EndTime = GraphTime.Utc(end),
                AvailabilityViewInterval = 15,
            }, cancellationToken: timeout.Token);
            var busy = (response?.Value ?? [])
                .SelectMany(s => s.ScheduleItems ?? [])
                .Where(i => i.Status is not (FreeBusyStatus.Free or FreeBusyStatus.Unknown))
                .Select(i => new BusyTime(GraphTime.Parse(i.Start), GraphTime.Parse(i.End), i.IsPrivate == true ? null : i.Subject))
                .Where(b => b.Start < end && b.End > start)
                .ToList();
            return new FreeBusy(true, busy);
        }
        catch (Exception e) when ((GraphErrors.IsGraphFailure(e) || e is OperationCanceledException) && !ct.IsCancellationRequested)
        {
            // Not being able to look is said to the user, not hidden: they confirm knowing it.
            logger.LogWarning("Free/busy of {Person} unavailable: {Error}", owner.AadObjectId, GraphErrors.ToDelivery(e).Message);
            return new FreeBusy(false, []);
        }
    }

    public void RequestSync(Visit visit) =>
        outbox.EnqueueWork(OutboxOperation.CalendarSync, Lane + ":" + visit.Id.ToString("N"), JsonSerializer.Serialize(new { visitId = visit.Id }));
}

/// <summary>Graph's dateTimeTimeZone, with explicit zones both ways.</summary>
public static class GraphTime
{
    public static DateTimeTimeZone Utc(DateTimeOffset instant) => new()
    {
        DateTime = instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        TimeZone = "UTC",
    };

    /// <summary>The local wall-clock time in the zone, named as Windows names it (every Exchange server knows those).</summary>
    public static DateTimeTimeZone Local(DateTimeOffset instant, TimeZoneInfo zone) => new()
    {
        DateTime = TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        TimeZone = TimeZoneInfo.TryConvertIanaIdToWindowsId(zone.Id, out var windows) ? windows : zone.Id,
    };

    /// <summary>Reads a dateTimeTimeZone in UTC (the default of responses) or any named zone.</summary>
    public static DateTimeOffset Parse(DateTimeTimeZone? value)
    {
        if (value?.DateTime is not { } text) return default;
        var local = DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var zoneName = value.TimeZone;
        if (string.IsNullOrEmpty(zoneName) || zoneName.Equals("UTC", StringComparison.OrdinalIgnoreCase))
            return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Utc));
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneName);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }
}
