using System.Text.RegularExpressions;
using Npgsql;

namespace SalesBot.Bench;

public enum DatabaseState
{
    /// <summary>Just created: nothing in it, not even the schema.</summary>
    Empty,

    /// <summary>Holds the full data set of an earlier run: only measure.</summary>
    Loaded,
}

/// <summary>
/// The benchmark's own database on the server: created when missing, dropped and created again when
/// asked to (--reload) or when an earlier load did not finish. It refuses to drop a database whose
/// people it did not load, so a connection string pointing at a real database costs nothing.
/// </summary>
public static partial class BenchDatabase
{
    public static async Task<DatabaseState> PrepareAsync(string connectionString, DataShape shape, bool reload, TextWriter log, CancellationToken ct)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        if (name is null || !SafeName().IsMatch(name))
            throw new InvalidOperationException($"the connection string must name the benchmark's database (lower-case letters, digits, _), not '{name}'");
        await using var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ConnectionString);
        await server.OpenAsync(ct);
        if (await ScalarAsync(server, "SELECT count(*) FROM pg_database WHERE datname = @name", ct, ("name", name)) is 1L)
        {
            await using (var bench = new NpgsqlConnection(connectionString))
            {
                await bench.OpenAsync(ct);
                var people = await ScalarAsync(bench, """SELECT CASE WHEN to_regclass('"People"') IS NULL THEN 0 ELSE (SELECT count(*) FROM "People") END""", ct) as long? ?? 0;
                if (people > 0 && !await BenchDataLoader.IsBenchDataAsync(bench, ct))
                    throw new InvalidOperationException($"database '{name}' holds people the benchmark did not load: not touching it");
                if (!reload && await BenchDataLoader.IsCompleteAsync(bench, shape, ct)) return DatabaseState.Loaded;
            }
            await log.WriteLineAsync($"== dropping database {name} ({(reload ? "--reload" : "its data is missing or incomplete")})");
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE \"{name}\" WITH (FORCE)", ct);
        }
        await log.WriteLineAsync($"== creating database {name}");
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"", ct);
        return DatabaseState.Empty;
    }

    public static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (n, v) in parameters) command.Parameters.AddWithValue(n, v);
        return await command.ExecuteScalarAsync(ct);
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SafeName();
}
