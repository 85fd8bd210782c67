using SalesBot.Features.Shared.Calendar;

namespace SalesBot.Features.Pqrs;

/// <summary>
/// The legal due date of a PQR: the N-th business day (N by type) after the local calendar date of
/// the filing, which never counts itself, whatever the hour and whatever day it is. An answer on
/// or before the due date (local) is on time.
/// </summary>
public sealed class PqrDeadline(BusinessCalendar calendar)
{
    public DateOnly DueDate(PqrType type, DateTimeOffset filedAt) =>
        calendar.AddBusinessDays(calendar.LocalDate(filedAt), type.TermInBusinessDays());

    public bool IsOnTime(DateOnly dueDate, DateTimeOffset answeredAt) => calendar.LocalDate(answeredAt) <= dueDate;

    /// <summary>Business days left from a moment to the due date (0 on the due date, negative when overdue).</summary>
    public int BusinessDaysLeft(DateOnly dueDate, DateTimeOffset now)
    {
        var today = calendar.LocalDate(now);
        return today <= dueDate ? calendar.BusinessDaysBetween(today, dueDate) : -calendar.BusinessDaysBetween(dueDate, today);
    }
}
