using SalesBot.Features.Organization;
using SalesBot.Features.Shared;
using SalesBot.Infrastructure.Data;

namespace SalesBot.Features.Pqrs;

public enum PqrImportOutcome
{
    Created,
    Unchanged,
    Rejected,
}

public sealed record PqrImportRow(int Line, PqrImportOutcome Outcome, string? FilingNumber, string? Assignee, IReadOnlyList<DomainError> Reasons);

/// <summary>
/// Loads PQRs exported by the customer-service system: each row is registered exactly as from
/// the form or the API (due date, routing, the assignee's card), is already there (re-importing
/// the same file changes nothing), or is rejected with its reasons. Accepted rows are saved
/// together, with their cards in the outbox.
/// </summary>
public sealed class ImportPqrs(SalesBotDbContext db, RegisterPqr register)
{
    public async Task<Result<IReadOnlyList<PqrImportRow>>> ExecuteAsync(Actor actor, IEnumerable<(int Line, PqrInput Input)> rows, CancellationToken ct)
    {
        if (!RegisterPqr.MayRegister(actor)) return DomainError.Forbidden("pqrs.import");
        var report = new List<PqrImportRow>();
        var assignees = new Dictionary<Guid, string?>();
        foreach (var (line, input) in rows)
        {
            var (registration, errors) = await register.ExecuteAsync(actor, input, ct);
            var (pqr, outcome) = (registration?.Pqr, registration?.Outcome ?? default);
            if (pqr is null)
            {
                report.Add(new PqrImportRow(line, PqrImportOutcome.Rejected, input.FilingNumber?.Trim(), null, errors));
                continue;
            }
            string? assignee = null;
            if (pqr.AssigneeId is { } id)
            {
                if (!assignees.TryGetValue(id, out assignee))
                    assignees[id] = assignee = (await db.People.FindAsync([id], ct))?.Name;
            }
            report.Add(new PqrImportRow(line, outcome == RegistrationOutcome.Created ? PqrImportOutcome.Created : PqrImportOutcome.Unchanged,
                pqr.FilingNumber, assignee, []));
        }
        await db.SaveChangesAsync(ct);
        return report;
    }
}
