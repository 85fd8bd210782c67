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
        foreach (var (line, input) in rows)
        {
            var (registration, errors) = await register.ExecuteAsync(actor, input, ct);
            var (pqr, outcome) = (registration?.Pqr, registration?.Outcome ?? default);
            if (pqr is null)
            {
                report.Add(new PqrImportRow(line, PqrImportOutcome.Rejected, input.FilingNumber?.Trim(), null, errors));
                continue;
            }
            report.Add(new PqrImportRow(line, outcome == RegistrationOutcome.Created ? PqrImportOutcome.Created : PqrImportOutcome.Unchanged,
                pqr.FilingNumber, registration!.AssigneeName, []));
        }
        await db.SaveChangesAsync(ct);
        return report;
    }
}
