namespace SalesBot.Features.Visits;

/// <summary>A busy time in someone's calendar.</summary>
public sealed record BusyTime(DateTimeOffset Start, DateTimeOffset End, string? Subject);

/// <summary>What a free/busy check found; <see cref="Checked"/> is false when the calendar could not be asked.</summary>
public sealed record FreeBusy(bool Checked, IReadOnlyList<BusyTime> Busy)
{
    public static readonly FreeBusy Nothing = new(true, []);
}

/// <summary>
/// The executive's calendar outside SalesBot (Outlook through Microsoft Graph), or none: then the
/// visits in the database are the calendar, and each visit offers an .ics file.
/// </summary>
public interface IVisitCalendar
{
    /// <summary>Whether visits are written to an outside calendar.</summary>
    bool IsExternal { get; }

    /// <summary>The owner's busy times that overlap the span (events SalesBot made itself included).</summary>
    Task<FreeBusy> BusyAsync(Person owner, DateTimeOffset start, DateTimeOffset end, CancellationToken ct);

    /// <summary>Queues, in the current unit of work, bringing the visit's event in line with the visit (create, move, cancel).</summary>
    void RequestSync(Visit visit);
}

/// <summary>No outside calendar: nothing to ask, nothing to write.</summary>
public sealed class EmbeddedVisitCalendar : IVisitCalendar
{
    public bool IsExternal => false;

    public Task<FreeBusy> BusyAsync(Person owner, DateTimeOffset start, DateTimeOffset end, CancellationToken ct) => Task.FromResult(FreeBusy.Nothing);

    public void RequestSync(Visit visit) { }
}
