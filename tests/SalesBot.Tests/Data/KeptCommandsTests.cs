using Microsoft.Data.Sqlite;
using SalesBot.Infrastructure.Data;

namespace SalesBot.Tests.Data;

/// <summary>
/// Commands kept on the group commit's writer connection: one per statement, reused with fresh
/// parameters in each transaction, dropped when it fails; on any other connection, nothing kept.
/// </summary>
public sealed class KeptCommandsTests : IAsyncLifetime
{
    private const string Insert = "INSERT INTO Notes (Text) VALUES ($text) RETURNING Id";
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        await using var create = _connection.CreateCommand();
        create.CommandText = "CREATE TABLE Notes (Id INTEGER PRIMARY KEY, Text TEXT NOT NULL UNIQUE)";
        await create.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        KeptCommands.Forget(_connection);
        await _connection.DisposeAsync();
    }

    private async Task<long> InsertAsync(string text)
    {
        await using var transaction = await _connection.BeginTransactionAsync();
        var id = await KeptCommands.RunAsync(_connection, transaction, Insert, text,
            (command, value) => command.Parameters.Add(new SqliteParameter("$text", value)), scalar: true, default);
        await transaction.CommitAsync();
        return (long)id!;
    }

    private async Task<List<string>> TextsAsync()
    {
        await using var select = _connection.CreateCommand();
        select.CommandText = "SELECT Text FROM Notes ORDER BY Id";
        await using var reader = await select.ExecuteReaderAsync();
        var texts = new List<string>();
        while (await reader.ReadAsync()) texts.Add(reader.GetString(0));
        return texts;
    }

    [Fact]
    public async Task On_a_kept_connection_a_statement_is_one_command_reused_with_each_runs_own_values_in_each_transaction()
    {
        KeptCommands.KeepOn(_connection);
        long[] ids = [await InsertAsync("uno"), await InsertAsync("dos"), await InsertAsync("tres")];

        Assert.Equal([1L, 2L, 3L], ids);

        Assert.Equal(1, KeptCommands.CountOn(_connection));
        Assert.Equal(["uno", "dos", "tres"], await TextsAsync());
    }

    [Fact]
    public async Task A_kept_command_that_fails_is_dropped_and_the_next_run_builds_a_new_one()
    {
        KeptCommands.KeepOn(_connection);
        await InsertAsync("uno");

        var duplicate = await Assert.ThrowsAsync<SqliteException>(() => InsertAsync("uno"));
        Assert.Equal(2067, duplicate.SqliteExtendedErrorCode);
        Assert.Equal(0, KeptCommands.CountOn(_connection));

        Assert.Equal(2L, await InsertAsync("dos"));
        Assert.Equal(1, KeptCommands.CountOn(_connection));
        Assert.Equal(["uno", "dos"], await TextsAsync());
    }

    [Fact]
    public async Task On_any_other_connection_nothing_is_kept_and_each_run_has_a_command_of_its_own()
    {
        long[] ids = [await InsertAsync("uno"), await InsertAsync("dos")];

        Assert.Equal([1L, 2L], ids);

        Assert.Equal(0, KeptCommands.CountOn(_connection));
        Assert.Equal(["uno", "dos"], await TextsAsync());
    }
}
