namespace SalesBot.Features.Clients;

/// <summary>
/// Loads a portfolio file: each row creates a client, updates the one it matches (NIT, else name
/// and city), or is rejected with its reasons. Accepted rows are saved together; importing the
/// same file again changes nothing. Only administrators import.
/// </summary>
public sealed class ImportClients(SalesBotDbContext db, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<ImportRow>>> ExecuteAsync(Actor actor, IEnumerable<(int Line, ClientInput Input)> rows, CancellationToken ct)
    {
        if (!actor.Has(Role.Admin)) return DomainError.Forbidden("clients.import");
        var report = new List<ImportRow>();
        var seen = new Dictionary<string, int>();
        var now = clock.GetUtcNow();
        foreach (var (line, input) in rows)
        {
            var (details, errors) = input.Validate();
            if (details is null)
            {
                report.Add(new ImportRow(line, ImportOutcome.Rejected, ClientInput.Clean(input.Name), errors));
                continue;
            }
            var key = details.TaxId ?? TextFolding.Fold(details.Name) + "|" + (details.City is null ? "" : TextFolding.Fold(details.City));
            if (seen.TryGetValue(key, out var firstLine))
            {
                report.Add(new ImportRow(line, ImportOutcome.Rejected, details.Name, [new DomainError("duplicate-row", firstLine.ToString())]));
                continue;
            }
            seen[key] = line;

            Guid? ownerId = null;
            if (ClientInput.Clean(input.OwnerEmail) is { } email)
            {
                var owner = await ClientOwners.ByEmailAsync(db, email, ct);
                if (owner is null)
                {
                    report.Add(new ImportRow(line, ImportOutcome.Rejected, details.Name, [DomainError.NotFound("owner", email)]));
                    continue;
                }
                ownerId = owner.Id;
            }

            var existing = db.Clients.Local.FirstOrDefault(c => Matches(c, details)) ?? await ClientMatching.FindAsync(db, details, ct);
            if (existing is null)
            {
                db.Clients.Add(new Client(details, ownerId, now));
                report.Add(new ImportRow(line, ImportOutcome.Created, details.Name, []));
            }
            else
            {
                var changed = existing.Apply(details, ownerId, now);
                report.Add(new ImportRow(line, changed ? ImportOutcome.Updated : ImportOutcome.Unchanged, details.Name, []));
            }
        }
        await db.SaveChangesAsync(ct);
        return report;
    }

    private static bool Matches(Client c, ClientDetails d) => d.TaxId is { } nit
        ? c.TaxId == nit
        : c.NormalizedName == TextFolding.Fold(d.Name) && c.NormalizedCity == (d.City is null ? null : TextFolding.Fold(d.City));
}
