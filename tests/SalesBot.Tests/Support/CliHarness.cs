using SalesBot.Cli;

namespace SalesBot.Tests.Support;

/// <summary>Runs `salesbot` commands in-process against a SQLite file in a scratch directory.</summary>
public sealed class CliHarness(TestDatabase? database = null) : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("salesbot-cli-").FullName;
    public string DbPath => Path.Combine(Directory, "salesbot.db");

    /// <summary>The database the commands run on: a SQLite file in the scratch directory, unless a test database was given.</summary>
    private string[] DatabaseArgs => database is null ? [$"--Database:Path={DbPath}"] : database.Settings.Select(s => $"--{s.Key}={s.Value}").ToArray();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }

    /// <summary>Runs the command with the scratch database; returns the exit code and what it printed.</summary>
    public async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var parsed = CliParser.Parse([.. args, .. DatabaseArgs]);
        if (parsed.Command is null) return (CliRunner.BadArguments, "", parsed.Error!);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        return (await new CliRunner(stdout, stderr).RunAsync(parsed.Command), stdout.ToString(), stderr.ToString());
    }

    /// <summary>The rows of a query on the scratch database, each as its columns joined by '|'.</summary>
    public async Task<List<string>> Query(string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DbPath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }

    /// <summary>Writes a CSV file in the scratch directory and returns its path.</summary>
    public string Csv(string content)
    {
        var path = Path.Combine(Directory, Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, content);
        return path;
    }
}
