using System.Data.Common;
using System.Linq.Expressions;

namespace SalesBot.Infrastructure.Data;

/// <summary>
/// A lookup of one row by one text key that the turn pipeline makes on every turn: a
/// <see cref="TurnQuery{TArgs, TResult}"/> whose one parameter is the key, <c>$key</c>. On SQLite,
/// for a context leased to a turn, it is a statement prepared once on a long-lived connection
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
    private readonly TurnQuery<string, TResult> _query = new(new PerModelQuery<string, TResult>(query).RunAsync, sql,
        static (_, command, key) => TurnQuery.Parameter(command, "$key", key), read);

    public Task<TResult> RunAsync(SalesBotDbContext db, string key, CancellationToken ct) => _query.RunAsync(db, key, ct);
}
