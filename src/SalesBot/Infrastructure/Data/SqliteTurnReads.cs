using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace SalesBot.Infrastructure.Data;

/// <summary>
/// Long-lived SQLite connections for the lookups every turn makes (<see cref="TurnLookup{TResult}"/>, <see cref="TurnQuery{TArgs, TResult}"/>),
/// each statement prepared once per connection. Through EF, each of those lookups built a new
/// command, had SQLite parse it again, and opened and closed a pooled connection around it
/// (bench/: about a tenth of an "ayuda" turn). A connection is rented for one lookup and returned
/// at once; between lookups it holds no transaction, so it never holds back a checkpoint.
/// </summary>
public sealed class SqliteTurnReads(string connectionString) : IDisposable
{
    /// <summary>The most idle connections kept; more are opened under load and closed when returned.</summary>
    public static readonly int MaxIdle = 2 * Environment.ProcessorCount;

    private readonly ConcurrentBag<ReadConnection> _idle = [];
    private int _idleCount; // ConcurrentBag.Count takes every thread's lock: counted here instead
    private bool _disposed;

    /// <summary>The first row <paramref name="sql"/> finds with the parameters <paramref name="bind"/> adds from <paramref name="state"/>, read by <paramref name="read"/>; default when none.</summary>
    public TResult? Single<TState, TResult>(string sql, TState state, Action<DbCommand, TState> bind, Func<DbDataReader, TResult> read)
    {
        ReadConnection connection;
        if (_idle.TryTake(out var idle))
        {
            Interlocked.Decrement(ref _idleCount);
            connection = idle;
        }
        else connection = new ReadConnection(connectionString);
        TResult? result;
        try
        {
            result = connection.Single(sql, state, bind, read);
        }
        catch
        {
            // In an unknown state (a failed step, a lost file): not worth keeping.
            connection.Dispose();
            throw;
        }
        Return(connection);
        return result;
    }

    private void Return(ReadConnection connection)
    {
        if (!Volatile.Read(ref _disposed))
        {
            if (Interlocked.Increment(ref _idleCount) <= MaxIdle)
            {
                _idle.Add(connection);
                // Disposed since the check above: Dispose may have drained before this Add, so drain again.
                if (Volatile.Read(ref _disposed)) CloseIdle();
                return;
            }
            Interlocked.Decrement(ref _idleCount);
        }
        connection.Dispose();
    }

    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        CloseIdle();
    }

    private void CloseIdle()
    {
        while (_idle.TryTake(out var connection)) connection.Dispose();
    }

    private sealed class ReadConnection : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        public ReadConnection(string connectionString)
        {
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
        }

        /// <summary>The command for <paramref name="sql"/> on this connection, kept: Microsoft.Data.Sqlite prepares its statements on the first run and keeps them until its text changes, whatever its parameters.</summary>
        private SqliteCommand Prepared(string sql)
        {
            if (_commands.TryGetValue(sql, out var command)) return command;
            command = _connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
            return command;
        }

        /// <summary>
        /// Runs the lookup and closes its reader before returning: the connection is handed to the
        /// next turn only after this, and that turn runs the same command (the bench once caught a
        /// connection handed on while its reader was still open).
        /// </summary>
        public TResult? Single<TState, TResult>(string sql, TState state, Action<DbCommand, TState> bind, Func<DbDataReader, TResult> read)
        {
            var command = Prepared(sql);
            command.Parameters.Clear();
            bind(command, state);
            using var reader = command.ExecuteReader(CommandBehavior.SingleRow);
            return reader.Read() ? read(reader) : default;
        }

        public void Dispose()
        {
            foreach (var command in _commands.Values) command.Dispose();
            _connection.Dispose();
        }
    }
}
