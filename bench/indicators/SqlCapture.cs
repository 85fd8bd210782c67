using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace SalesBot.Bench;

/// <summary>
/// A command EF sent: its text, a copy of its parameters, how long until its reader was open (the
/// server has the first row ready), until the reader was closed (every row read and materialised),
/// and how many rows were read.
/// </summary>
public sealed record CapturedCommand(string Sql, IReadOnlyList<NpgsqlParameter> Parameters, TimeSpan Opened, TimeSpan? Closed = null, int Rows = 0)
{
    public TimeSpan Total => Closed ?? Opened;
}

/// <summary>
/// Records the SQL the engine really sends (EF builds it from LINQ at run time, so reading the code
/// is not enough to know what PostgreSQL plans) and how long each took. Off unless switched on, so
/// timed runs pay nothing but a flag test.
/// </summary>
public sealed class SqlCapture : DbCommandInterceptor
{
    private readonly List<(DbCommand Command, long Started, CapturedCommand Captured)> _commands = [];
    private readonly Dictionary<DbCommand, long> _started = [];

    public bool Enabled { get; set; }

    public IReadOnlyList<CapturedCommand> Commands => _commands.Select(c => c.Captured).ToList();

    public void Clear()
    {
        _commands.Clear();
        _started.Clear();
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (Enabled) _started[command] = Stopwatch.GetTimestamp();
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        if (Enabled && _started.Remove(command, out var started))
        {
            // The command is reused once the query ends: keep copies of its parameters.
            var parameters = command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone()).ToList();
            _commands.Add((command, started, new CapturedCommand(command.CommandText, parameters, Stopwatch.GetElapsedTime(started))));
        }
        return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        var i = _commands.FindLastIndex(c => ReferenceEquals(c.Command, command));
        if (i >= 0)
        {
            // EF counts the last Read too, the one that found no more rows.
            var (_, started, captured) = _commands[i];
            _commands[i] = (command, started, captured with { Closed = Stopwatch.GetElapsedTime(started), Rows = Math.Max(0, eventData.ReadCount - 1) });
        }
        return base.DataReaderDisposing(command, eventData, result);
    }
}

/// <summary>Runs a captured command again under EXPLAIN (ANALYZE, BUFFERS), with the same parameter values.</summary>
public static class SqlExplainer
{
    public static async Task<string> ExplainAsync(string connectionString, CapturedCommand command, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + command.Sql, connection);
        foreach (var p in command.Parameters) explain.Parameters.Add(p.Clone());
        await using var reader = await explain.ExecuteReaderAsync(ct);
        var lines = new List<string>();
        while (await reader.ReadAsync(ct)) lines.Add(reader.GetString(0));
        return string.Join('\n', lines);
    }
}
