namespace SalesBot.Features.Pqrs;

/// <summary>The assignee answers a PQR; the answer is on time when given on or before the due date (local).</summary>
public sealed class AnswerPqr(SalesBotDbContext db, Shared.Calendar.BusinessCalendarProvider calendars, TimeProvider clock)
{
    public async Task<Result<Pqr>> ExecuteAsync(Actor actor, string filingNumber, string response, CancellationToken ct)
    {
        var pqr = await db.Pqrs.FirstOrDefaultAsync(p => p.FilingNumber == filingNumber, ct);
        // Someone who may not answer it learns no more than if it did not exist.
        if (pqr is null || actor.PersonId is null || pqr.AssigneeId != actor.PersonId) return DomainError.NotFound("pqr", filingNumber);
        var now = clock.GetUtcNow();
        var refused = pqr.Answer(response, actor.PersonId.Value, now, new PqrDeadline(calendars.For(pqr.CalendarChoice())).IsOnTime(pqr.DueDate, now));
        if (refused is not null) return refused;
        return pqr;
    }
}
