using System.Data.Common;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Metadata;

namespace SalesBot.Infrastructure.Data;

/// <summary>
/// A lookup of one row by one text key that the turn pipeline makes on every turn. On SQLite, for a
/// context leased to a turn, it is a statement prepared once on a long-lived connection
/// (<see cref="SqliteTurnReads"/>) and read with <see cref="DirectRead{T}"/>; anywhere else
/// (PostgreSQL, the command line, a context of its own) it is the EF query, compiled. Both must
/// return the same thing: the tests run the turn pipeline on both providers.
/// </summary>
/// <param name="query">the lookup as an EF query.</param>
/// <param name="sql">the same lookup in SQL for SQLite, built once per model, with its key as <c>$key</c>.</param>
/// <param name="read">reads the row <paramref name="sql"/> returns.</param>
public sealed class TurnLookup<TResult>(
    Expression<Func<SalesBotDbContext, string, CancellationToken, TResult>> query,
    Func<DbContext, string> sql,
    Func<DbContext, DbDataReader, TResult> read)
{
    private readonly PerModelQuery<string, TResult> _query = new(query);
    private readonly ConditionalWeakTable<IModel, string> _sql = new();

    public Task<TResult> RunAsync(SalesBotDbContext db, string key, CancellationToken ct)
    {
        if (db is not SqliteSalesBotDbContext { TurnReads: { } reads }) return _query.RunAsync(db, key, ct);
        ct.ThrowIfCancellationRequested();
        // SQLite reads are synchronous underneath (Microsoft.Data.Sqlite's async calls complete inline).
        return Task.FromResult(reads.Single(_sql.GetValue(db.Model, _ => sql(db)), key, row => read(db, row))!);
    }
}
