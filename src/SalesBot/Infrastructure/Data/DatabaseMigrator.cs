namespace SalesBot.Infrastructure.Data;

/// <summary>Brings the schema up to date for whichever provider is configured.</summary>
public sealed class DatabaseMigrator(SalesBotDbContext db, IEnumerable<IDataBackfill> backfills, ILogger<DatabaseMigrator> logger)
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct)
    {
        await RefuseUnknownHistoryAsync(ct);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while a turn commits; it is a property of the file, set once.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        foreach (var backfill in backfills)
        {
            var rows = await backfill.RunAsync(ct);
            if (rows > 0) logger.LogInformation("{Backfill} wrote {Rows} rows from earlier records", backfill.GetType().Name, rows);
        }
        logger.LogInformation("Database up to date ({Count} migrations applied)", pending.Count);
        return pending;
    }

    /// <summary>
    /// The migrations were squashed into one <c>Initial</c> per provider before the first release. A
    /// database made by the earlier set has none of today's migration ids: applying <c>Initial</c>
    /// to it would fail half-way on tables that exist, so it is refused with what to do.
    /// </summary>
    private async Task RefuseUnknownHistoryAsync(CancellationToken ct)
    {
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var unknown = (await db.Database.GetAppliedMigrationsAsync(ct)).Where(id => !known.Contains(id)).ToList();
        if (unknown.Count == 0) return;
        throw new InvalidOperationException(
            $"This database was made by a pre-release schema (migration {unknown[0]}), which this version cannot upgrade. " +
            "Recreate it: delete the SQLite file or drop the PostgreSQL database, then run 'salesbot migrate' (and 'salesbot seed-demo' for the demo).");
    }
}
