using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SalesBot.Tests.Support;

/// <summary>
/// Counts the SQL commands each HTTP request to the bot runs (an EF Core interceptor, plus a
/// middleware that opens a count per request). Background work (the outbox) is not counted: it
/// does not run in the request's flow.
/// </summary>
public sealed class SqlCommandCounter : DbCommandInterceptor, IStartupFilter
{
    private static readonly AsyncLocal<Tally?> Current = new();

    private sealed class Tally
    {
        public int Value;
        public readonly System.Collections.Concurrent.ConcurrentQueue<string> Commands = new();
    }

    /// <summary>The SQL of the last request that finished, in order (to say which commands a count is made of).</summary>
    public IReadOnlyList<string> LastRequestCommands { get; private set; } = [];

    /// <summary>Commands of the last request that finished.</summary>
    public int LastRequest { get; private set; }

    /// <summary>The most any request ran, and the path of that request's activity (set by the test).</summary>
    public int MostInOneRequest { get; private set; }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            var box = new Tally();
            Current.Value = box;
            try
            {
                await nextMiddleware();
            }
            finally
            {
                LastRequest = box.Value;
                LastRequestCommands = [.. box.Commands];
                MostInOneRequest = Math.Max(MostInOneRequest, box.Value);
                Current.Value = null;
            }
        });
        next(app);
    };

    private static void Count(DbCommand command)
    {
        if (Current.Value is not { } box) return;
        Interlocked.Increment(ref box.Value);
        box.Commands.Enqueue(command.CommandText);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }
}
