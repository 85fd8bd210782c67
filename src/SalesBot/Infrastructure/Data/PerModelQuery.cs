using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Metadata;

namespace SalesBot.Infrastructure.Data;

/// <summary>
/// A compiled query (no expression tree to build, walk and look up in EF's cache on each call) for
/// a lookup made on every turn. EF's own compiled query keeps the first model it ran against, and
/// one process may hold both providers' models (the tests run SQLite and PostgreSQL side by side),
/// so this compiles once per model.
/// </summary>
public sealed class PerModelQuery<TParam, TResult>(Expression<Func<SalesBotDbContext, TParam, CancellationToken, TResult>> query)
{
    private readonly ConditionalWeakTable<IModel, Func<SalesBotDbContext, TParam, CancellationToken, Task<TResult>>> _compiled = new();

    public Task<TResult> RunAsync(SalesBotDbContext db, TParam parameter, CancellationToken ct) =>
        _compiled.GetValue(db.Model, _ => EF.CompileAsyncQuery(query))(db, parameter, ct);
}

/// <summary>A <see cref="PerModelQuery{TParam, TResult}"/> with three parameters.</summary>
public sealed class PerModelQuery<T1, T2, T3, TResult>(Expression<Func<SalesBotDbContext, T1, T2, T3, CancellationToken, TResult>> query)
{
    private readonly ConditionalWeakTable<IModel, Func<SalesBotDbContext, T1, T2, T3, CancellationToken, Task<TResult>>> _compiled = new();

    public Task<TResult> RunAsync(SalesBotDbContext db, T1 first, T2 second, T3 third, CancellationToken ct) =>
        _compiled.GetValue(db.Model, _ => EF.CompileAsyncQuery(query))(db, first, second, third, ct);
}

/// <summary>A <see cref="PerModelQuery{TParam, TResult}"/> with four parameters.</summary>
public sealed class PerModelQuery<T1, T2, T3, T4, TResult>(Expression<Func<SalesBotDbContext, T1, T2, T3, T4, CancellationToken, TResult>> query)
{
    private readonly ConditionalWeakTable<IModel, Func<SalesBotDbContext, T1, T2, T3, T4, CancellationToken, Task<TResult>>> _compiled = new();

    public Task<TResult> RunAsync(SalesBotDbContext db, T1 first, T2 second, T3 third, T4 fourth, CancellationToken ct) =>
        _compiled.GetValue(db.Model, _ => EF.CompileAsyncQuery(query))(db, first, second, third, fourth, ct);
}
