namespace SalesBot.Infrastructure.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (default: a file, nothing to install) or Postgres (production, several instances).</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>The SQLite file; relative paths are relative to the working directory.</summary>
    public string Path { get; set; } = "salesbot.db";

    /// <summary>Apply pending migrations when the bot starts (default: only in Development).</summary>
    public bool? MigrateOnStart { get; set; }

    public bool IsPostgres => Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase)
        || Provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase);

    public bool IsSqlite => Provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase);
}
