using Microsoft.Data.Sqlite;
using Npgsql;

namespace SalesBot.Infrastructure.Data;

/// <summary>
/// Recognises a commit refused because another transaction inserted the same key first, on either
/// provider: the sign that a concurrent writer won a race, as opposed to a real error.
/// </summary>
public static class DuplicateKey
{
    /// <param name="tables">Only keys of these tables count (none given: any table).</param>
    public static bool Is(DbUpdateException e, params string[] tables) => e.InnerException switch
    {
        // SQLITE_CONSTRAINT_PRIMARYKEY (1555) and SQLITE_CONSTRAINT_UNIQUE (2067); the message names "Table.Column".
        SqliteException { SqliteExtendedErrorCode: 1555 or 2067 } s =>
            tables.Length == 0 || tables.Any(t => s.Message.Contains($" {t}.", StringComparison.Ordinal)),
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } p =>
            tables.Length == 0 || tables.Any(t => p.TableName == t),
        _ => false,
    };
}
