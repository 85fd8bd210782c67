using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Metadata;

namespace SalesBot.Infrastructure.Data;

/// <summary>
/// A read a use case makes on most turns of a busy form (the visit form's client lookup, its
/// duplicate check), with several parameters: <see cref="TurnLookup{TResult}"/>'s counterpart. On
/// SQLite, for a context leased to a turn and outside a transaction, it is a statement kept on one of
/// <see cref="SqliteTurnReads"/>' connections; anywhere else it is the EF query. Through EF, the
/// visit form's three reads opened the turn's connection (registering EF's SQL functions on it) and
/// built a command and a shaper each time: perf put them at 8 % of a logged visit. Both routes must
/// return the same thing; each query's tests compare them on the same data.
/// </summary>
/// <param name="query">the read through EF (a compiled query).</param>
/// <param name="sql">the same read in SQL for SQLite, built once per model.</param>
/// <param name="bind">adds <paramref name="sql"/>'s parameters from the arguments, converted as EF would (<see cref="DirectRead{T}.Parameter"/>).</param>
/// <param name="read">reads the first row; the result when there is none is <c>default</c> (as FirstOrDefault), or what <paramref name="sql"/> always returns (an EXISTS).</param>
public sealed class TurnQuery<TArgs, TResult>(
    Func<SalesBotDbContext, TArgs, CancellationToken, Task<TResult>> query,
    Func<DbContext, string> sql,
    Action<DbContext, DbCommand, TArgs> bind,
    Func<DbContext, DbDataReader, TResult> read)
{
    private readonly ConditionalWeakTable<IModel, string> _sql = new();

    public Task<TResult> RunAsync(SalesBotDbContext db, TArgs args, CancellationToken ct)
    {
        // In a transaction the turn may have written rows of its own that only its connection sees.
        if (db is not SqliteSalesBotDbContext { TurnReads: { } reads } || db.Database.CurrentTransaction is not null) return query(db, args, ct);
        ct.ThrowIfCancellationRequested();
        // SQLite reads are synchronous underneath (Microsoft.Data.Sqlite's async calls complete inline).
        return Task.FromResult(reads.Single(_sql.GetValue(db.Model, _ => sql(db)), (db, args, bind),
            static (command, s) => s.bind(s.db, command, s.args), row => read(db, row))!);
    }

    /// <summary>The read through EF whatever the context (tests compare the two routes).</summary>
    internal Task<TResult> ThroughEfAsync(SalesBotDbContext db, TArgs args, CancellationToken ct) => query(db, args, ct);
}

public static class TurnQuery
{
    /// <summary>Adds a parameter whose value no column's conversion applies to (a text key, a flag); a column's value goes through <see cref="DirectRead{T}.Parameter"/>.</summary>
    public static void Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        (parameter.ParameterName, parameter.Value) = (name, value);
        command.Parameters.Add(parameter);
    }
}
