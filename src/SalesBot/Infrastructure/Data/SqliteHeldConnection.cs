using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SalesBot.Infrastructure.Data;

/// <summary>
/// Keeps a turn's SQLite connection open from the first query its handler makes to the end of the
/// turn (<see cref="SqliteSalesBotDbContext.HoldsConnection"/>), where EF would open and close a
/// pooled connection around every query (about 6 % of a turn that queries several times, bench/).
/// A turn that makes no query ("ayuda": its lookups run on <see cref="SqliteTurnReads"/>) opens
/// none. EF does not close a connection it did not open, so once the first close is held back, the
/// turn's later queries run on the open connection; <see cref="Release"/> closes it.
/// </summary>
public sealed class SqliteHeldConnection : DbConnectionInterceptor
{
    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        Holds(eventData) ? InterceptionResult.Suppress() : result;

    public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        new(Holds(eventData) ? InterceptionResult.Suppress() : result);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Opened(eventData);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Opened(eventData);
        return Task.CompletedTask;
    }

    private static bool Holds(ConnectionEventData eventData) => eventData.Context is SqliteSalesBotDbContext { HoldsConnection: true };

    private static void Opened(ConnectionEventData eventData)
    {
        if (eventData.Context is SqliteSalesBotDbContext db) db.OpenedConnection = true;
    }

    /// <summary>Ends the hold and closes the connection if a query opened it.</summary>
    public static async ValueTask Release(SqliteSalesBotDbContext db)
    {
        db.HoldsConnection = false;
        // Asking EF for a connection that was never opened would create one (and register EF's SQL functions on it) to close nothing.
        if (!db.OpenedConnection) return;
        db.OpenedConnection = false;
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Closed) await connection.CloseAsync();
    }
}
