using System.Globalization;

namespace SalesBot.Features.Clients;

/// <summary>The columns of the go-live files about clients (English names first, Spanish aliases welcome).</summary>
public static class ClientImportColumns
{
    public static readonly FileColumns Billing = new(
        new FileColumn("nit", ["nit", "tax_id"], true, "the client's NIT; the client must be in the portfolio"),
        new FileColumn("month", ["month", "mes", "periodo"], true, "YYYY-MM"),
        new FileColumn("amount", ["amount", "valor", "monto", "facturacion"], true, "billed in the month, in Organization:Currency"));

    public static readonly FileColumns Signups = new(
        new FileColumn("nit", ["nit", "tax_id"], true, "the client's NIT; the client must be in the portfolio"),
        new FileColumn("date", ["date", "fecha"], true, "YYYY-MM-DD"),
        new FileColumn("kind", ["kind", "tipo", "evento"], true, "signup or churn (or vinculacion, desvinculacion)"),
        new FileColumn("reason", ["reason", "motivo"], false, "why (required for a churn)"));

    /// <summary>The client of a file row by its NIT, or the row's reason it has none.</summary>
    internal static async Task<Client?> ByNitAsync(SalesBotDbContext db, string? nit, List<DomainError> errors, CancellationToken ct)
    {
        if (nit is null)
        {
            errors.Add(DomainError.Invalid("nit", "required"));
            return null;
        }
        var digits = Nit.Normalize(nit, out var error);
        if (digits is null)
        {
            errors.Add(error!);
            return null;
        }
        var client = db.Clients.Local.FirstOrDefault(c => c.TaxId == digits) ?? await db.Clients.FirstOrDefaultAsync(c => c.TaxId == digits, ct);
        if (client is null) errors.Add(DomainError.NotFound("client", nit));
        return client;
    }

    internal static readonly CodeTable<LifecycleKind> Kinds = new(
        (LifecycleKind.SignUp, "signup", ["sign-up", "sign up", "vinculacion", "alta", "vinculado"]),
        (LifecycleKind.Churn, "churn", ["desvinculacion", "retiro", "baja", "retirado", "desvinculado"]));
}

/// <summary>
/// `salesbot import billing FILE`: a client's billing per month. A client-month imported again is
/// replaced; the same amount changes nothing. Rows are saved together; only administrators import.
/// </summary>
public sealed class ImportBilling(SalesBotDbContext db, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<ImportRow>>> ExecuteAsync(Actor actor, IReadOnlyList<ImportCells> rows, CancellationToken ct)
    {
        if (!actor.Has(Role.Admin)) return DomainError.Forbidden("clients.import");
        var report = new List<ImportRow>();
        var now = clock.GetUtcNow();
        var seen = new Dictionary<(Guid, int, int), int>();
        foreach (var row in rows)
        {
            var errors = new List<DomainError>();
            var client = await ClientImportColumns.ByNitAsync(db, row["nit"], errors, ct);
            var month = Month(row["month"], errors);
            // Two amounts for one client-month would make each run undo the other: the first one stands.
            if (client is not null && month is { } key && !seen.TryAdd((client.Id, key.Year, key.Month), row.Line))
                errors.Add(new DomainError("duplicate-row", seen[(client.Id, key.Year, key.Month)].ToString(CultureInfo.InvariantCulture)));
            var amount = InputAmounts.Parse(row["amount"]);
            if (amount is null) errors.Add(DomainError.Invalid("amount", "money"));
            var label = $"{row["nit"]} {row["month"]}";
            if (errors.Count > 0)
            {
                report.Add(ImportRow.Rejected(row.Line, label, errors));
                continue;
            }
            var (year, m) = month!.Value;
            var existing = db.ClientBillings.Local.FirstOrDefault(b => b.ClientId == client!.Id && b.Year == year && b.Month == m)
                ?? await db.ClientBillings.FirstOrDefaultAsync(b => b.ClientId == client!.Id && b.Year == year && b.Month == m, ct);
            if (existing is null)
            {
                db.ClientBillings.Add(new ClientBilling(client!.Id, year, m, amount!.Value, now));
                report.Add(new ImportRow(row.Line, ImportOutcome.Created, label, []));
            }
            else report.Add(new ImportRow(row.Line, existing.Replace(amount!.Value, now) ? ImportOutcome.Updated : ImportOutcome.Unchanged, label, []));
        }
        await db.SaveChangesAsync(ct);
        return report;
    }

    private static (int Year, int Month)? Month(string? text, List<DomainError> errors)
    {
        if (InputDates.TryParseMonth(text, out var first)) return (first.Year, first.Month);
        errors.Add(DomainError.Invalid("month", "month"));
        return null;
    }
}

/// <summary>
/// `salesbot import signups FILE`: sign-ups and churn with their dates and reasons, as recorded in
/// chat (the client's status follows its latest event). An event already recorded changes nothing.
/// </summary>
public sealed class ImportSignups(SalesBotDbContext db, ClientLifecycle lifecycle)
{
    public async Task<Result<IReadOnlyList<ImportRow>>> ExecuteAsync(Actor actor, IReadOnlyList<ImportCells> rows, CancellationToken ct)
    {
        if (!actor.Has(Role.Admin)) return DomainError.Forbidden("clients.import");
        var report = new List<ImportRow>();
        foreach (var row in rows)
        {
            var errors = new List<DomainError>();
            var client = await ClientImportColumns.ByNitAsync(db, row["nit"], errors, ct);
            DateOnly date = default;
            if (!InputDates.TryParseIso(row["date"], out date)) errors.Add(DomainError.Invalid("lifecycle-date", "date"));
            var kind = ClientImportColumns.Kinds.Parse(row["kind"]);
            if (kind is null) errors.Add(DomainError.Invalid("kind", "one-of", "signup, churn"));
            var reason = row["reason"];
            if (kind == LifecycleKind.Churn && reason is null || reason is { Length: > ClientLifecycleEvent.MaxReasonLength })
                errors.Add(DomainError.Invalid("lifecycle-reason", "required-max", ClientLifecycleEvent.MaxReasonLength.ToString(CultureInfo.InvariantCulture)));
            var label = $"{row["nit"]} {row["kind"]} {row["date"]}";
            if (errors.Count > 0)
            {
                report.Add(ImportRow.Rejected(row.Line, label, errors));
                continue;
            }
            var recorded = await lifecycle.ApplyAsync(client!, kind!.Value, date, reason, ct);
            report.Add(new ImportRow(row.Line, recorded.Changed ? ImportOutcome.Created : ImportOutcome.Unchanged, label, []));
        }
        await db.SaveChangesAsync(ct);
        return report;
    }
}
