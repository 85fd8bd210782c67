using Microsoft.EntityFrameworkCore;

namespace SalesBot.Infrastructure.Data;

/// <summary>Brings the schema up to date for whichever provider is configured.</summary>
public sealed class DatabaseMigrator(SalesBotDbContext db, ILogger<DatabaseMigrator> logger)
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while a turn commits; it is a property of the file, set once.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        logger.LogInformation("Database up to date ({Count} migrations applied)", pending.Count);
        return pending;
    }
}
