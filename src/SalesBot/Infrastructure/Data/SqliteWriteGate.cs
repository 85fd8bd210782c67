using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SalesBot.Infrastructure.Data;

/// <summary>
/// SQLite has one writer at a time. When two writes collide, Microsoft.Data.Sqlite backs off in
/// long sleeps, which put 150 ms stalls into replies. Queuing this process's writes here instead
/// keeps them back to back. (PostgreSQL needs none of this: it is not registered there.)
/// </summary>
public sealed class SqliteWriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>
    /// Enters the gate of the scope's database if it has one (SQLite), for writes that bypass
    /// SaveChanges (ExecuteUpdate/Delete); null, and no waiting, on PostgreSQL.
    /// </summary>
    public static async Task<IDisposable?> EnterIfSqliteAsync(IServiceProvider scope, CancellationToken ct) =>
        scope.GetService<SqliteWriteGate>() is { } gate ? await gate.EnterAsync(ct) : null;

    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        return new Release(_gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) gate.Release();
        }
    }
}

/// <summary>Holds the <see cref="SqliteWriteGate"/> for the duration of every SaveChanges.</summary>
public sealed class SqliteWriteGateInterceptor(SqliteWriteGate gate) : SaveChangesInterceptor
{
    // Per context, not AsyncLocal: EF calls Saving and Saved from different async frames.
    private readonly ConditionalWeakTable<DbContext, IDisposable> _held = new();
    // Contexts saved inside a group commit, whose committer already holds the gate for them.
    private readonly ConditionalWeakTable<DbContext, object> _inGroup = new();

    /// <summary>
    /// The context's next saves run inside a transaction whose owner holds the gate (a group
    /// commit): they must not wait for it again. Dispose to end that.
    /// </summary>
    public IDisposable HeldByGroup(DbContext context)
    {
        _inGroup.AddOrUpdate(context, this);
        return new GroupRelease(_inGroup, context);
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (!InGroup(eventData)) Hold(eventData, await gate.EnterAsync(ct));
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (!InGroup(eventData)) Hold(eventData, gate.EnterAsync(CancellationToken.None).GetAwaiter().GetResult());
        return result;
    }

    private bool InGroup(DbContextEventData e) => e.Context is { } context && _inGroup.TryGetValue(context, out _);

    private sealed class GroupRelease(ConditionalWeakTable<DbContext, object> inGroup, DbContext context) : IDisposable
    {
        public void Dispose() => inGroup.Remove(context);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Leave(eventData);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        Leave(eventData);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Leave(eventData);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default)
    {
        Leave(eventData);
        return Task.CompletedTask;
    }

    // EF reports a concurrency conflict here and NOT through SaveChangesFailed: without this the
    // gate stays held and every later write of the process waits forever.
    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        Leave(eventData);
        return result;
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result,
        CancellationToken ct = default)
    {
        Leave(eventData);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Leave(eventData);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken ct = default)
    {
        Leave(eventData);
        return Task.CompletedTask;
    }

    private void Hold(DbContextEventData e, IDisposable release)
    {
        if (e.Context is { } context) _held.AddOrUpdate(context, release);
        else release.Dispose();
    }

    private void Leave(DbContextEventData e)
    {
        if (e.Context is { } context) ReleaseIfHeld(context);
    }

    /// <summary>Lets go of the gate if this context still holds it (every path out of SaveChanges ends here).</summary>
    public void ReleaseIfHeld(DbContext context)
    {
        if (_held.TryGetValue(context, out var release))
        {
            _held.Remove(context);
            release.Dispose();
        }
    }
}
