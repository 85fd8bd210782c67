using System.Data.Common;
using System.Runtime.CompilerServices;

namespace SalesBot.Infrastructure.Data;

/// <summary>
/// Commands kept, with their parsed statements, on a long-lived connection: SQLite's group commit
/// writer (<see cref="SqliteGroupCommit"/>), where every turn runs the same few statements (its
/// savepoint, its plain INSERTs). On any other connection a command is built for each use and
/// disposed, as before. A new command has SQLite parse its text again on every execution; perf put
/// that parse at only 0.2 % of an "ayuda" turn (binding parameters by name was the larger cost, see
/// <see cref="DirectInsert"/>), so the kept commands matter most for the visit's wide INSERTs and the
/// savepoint statements. Only the group commit's loop, under the write gate, uses its connection, so
/// no two callers share a kept command at once.
/// </summary>
public static class KeptCommands
{
    private static readonly ConditionalWeakTable<DbConnection, Dictionary<string, DbCommand>> Kept = new();

    /// <summary>Keeps the commands run on <paramref name="connection"/> until <see cref="Forget"/>.</summary>
    public static void KeepOn(DbConnection connection) => Kept.AddOrUpdate(connection, new Dictionary<string, DbCommand>(StringComparer.Ordinal));

    /// <summary>Disposes the commands kept on <paramref name="connection"/> and keeps no more.</summary>
    public static void Forget(DbConnection connection)
    {
        if (!Kept.TryGetValue(connection, out var commands)) return;
        Kept.Remove(connection);
        foreach (var command in commands.Values) command.Dispose();
    }

    /// <summary>How many commands <paramref name="connection"/> keeps (tests).</summary>
    internal static int CountOn(DbConnection connection) => Kept.TryGetValue(connection, out var commands) ? commands.Count : 0;

    /// <summary>
    /// Runs <paramref name="sql"/> in <paramref name="transaction"/> with the parameters
    /// <paramref name="bind"/> adds from <paramref name="state"/> (to an empty collection); the
    /// first column of the first row when <paramref name="scalar"/>. A kept command that fails is
    /// dropped, not reused.
    /// </summary>
    public static async Task<object?> RunAsync<TState>(DbConnection connection, DbTransaction transaction, string sql,
        TState state, Action<DbCommand, TState>? bind, bool scalar, CancellationToken ct)
    {
        if (!Kept.TryGetValue(connection, out var commands))
        {
            await using var once = Command(connection, transaction, sql, state, bind);
            return scalar ? await once.ExecuteScalarAsync(ct) : await once.ExecuteNonQueryAsync(ct);
        }
        if (commands.TryGetValue(sql, out var kept))
        {
            kept.Transaction = transaction;
            kept.Parameters.Clear();
            bind?.Invoke(kept, state);
        }
        else commands.Add(sql, kept = Command(connection, transaction, sql, state, bind));
        try
        {
            return scalar ? await kept.ExecuteScalarAsync(ct) : await kept.ExecuteNonQueryAsync(ct);
        }
        catch
        {
            commands.Remove(sql);
            await kept.DisposeAsync();
            throw;
        }
    }

    private static DbCommand Command<TState>(DbConnection connection, DbTransaction transaction, string sql, TState state, Action<DbCommand, TState>? bind)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        bind?.Invoke(command, state);
        return command;
    }
}
