using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SalesBot.Features.Shared.Calendar;
using SalesBot.Infrastructure.Data;

namespace SalesBot.Bench;

/// <summary>One benchmark run: database, schema, data, measurements, report.</summary>
public sealed class BenchRun(BenchOptions options, TextWriter output)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public async Task RunAsync(CancellationToken ct)
    {
        var wall = Stopwatch.StartNew();
        var shape = DataShape.Issue;
        var state = await BenchDatabase.PrepareAsync(options.ConnectionString, shape, options.Reload, output, ct);
        var capture = new SqlCapture();
        using var host = BenchHost.Build(options.ConnectionString, capture);
        var services = host.Services;

        // The app's own migrator, as `salesbot migrate` and the bot at start run it: the schema,
        // indexes included, is the one production gets.
        var migrate = Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
        {
            var applied = await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
            migrate.Stop();
            await output.WriteLineAsync(string.Create(Inv, $"== DatabaseMigrator: {applied.Count} migration(s) applied in {migrate.Elapsed.TotalSeconds:F1} s"));
        }
        string loadText;
        if (state == DatabaseState.Empty)
        {
            await output.WriteLineAsync("== loading (one transaction)");
            var load = await LoadAsync(services, shape, ct);
            loadText = string.Create(Inv, $"{load.Total.TotalSeconds:F0} s in this run (inserts {(load.Total - load.Vacuum).TotalSeconds:F0} s, VACUUM ANALYZE {load.Vacuum.TotalSeconds:F0} s), after migrating an empty database in {migrate.Elapsed.TotalSeconds:F1} s");
        }
        else
        {
            await output.WriteLineAsync("== data already loaded: measuring only (--reload to load again)");
            loadText = "loaded by an earlier run, reused";
        }

        var cases = await BenchCases.ResolveAsync(services, ct);
        var timer = new IndicatorTimer(services, options.Warmups, options.Runs);
        // One pass over every case first: the JIT's tiering, EF's query cache and the server's
        // buffers settle on the whole workload, not only on the case measured first.
        await output.WriteLineAsync("== warming up: every case once");
        foreach (var benchCase in cases) await timer.RunOnceAsync(benchCase, ct);
        await output.WriteLineAsync($"== measuring {cases.Count} cases ({options.Warmups} warm-up + {options.Runs} runs each)");
        var timings = new List<CaseTiming>();
        foreach (var benchCase in cases)
        {
            var timing = await timer.MeasureAsync(benchCase, ct);
            timings.Add(timing);
            await output.WriteLineAsync(string.Create(Inv,
                $"   {benchCase.IndicatorLabel,-40} {benchCase.Scope.Code,-8} {benchCase.Period.Label,-8} p50 {timing.P50,7:F1}  p95 {timing.P95,7:F1}  max {timing.Max,7:F1} ms"));
        }

        var now = DateTimeOffset.UtcNow;
        var report = MarkdownReport.Render(now, await ServerFacts.ReadAsync(options.ConnectionString, ct), loadText, options, timings);
        Directory.CreateDirectory(options.OutDirectory);
        var file = Path.Combine(options.OutDirectory, string.Create(Inv, $"indicators-{now:yyyy-MM-dd}.md"));
        await File.WriteAllTextAsync(file, report, ct);
        await output.WriteLineAsync();
        await output.WriteLineAsync(report);
        await output.WriteLineAsync($"Report: {file}");

        if (options.Explain)
        {
            var explained = Path.Combine(options.OutDirectory, string.Create(Inv, $"indicators-{now:yyyy-MM-dd}-explain.md"));
            await File.WriteAllTextAsync(explained, await ExplainAsync(timer, capture, cases.Where(c => c.Indicators.Count == 1), ct), ct);
            await output.WriteLineAsync($"SQL and plans: {explained}");
        }
        await output.WriteLineAsync(string.Create(Inv, $"Took {wall.Elapsed.TotalMinutes:F1} min."));
    }

    private async Task<LoadReport> LoadAsync(IServiceProvider services, DataShape shape, CancellationToken ct)
    {
        // Dated from the app's own clock and calendar: "today" is the organisation's local date.
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var calendar = services.GetRequiredService<BusinessCalendar>();
        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync(ct);
        return await new BenchDataLoader(connection, shape, now, calendar.LocalDate(now), calendar.TimeZone.Id, output).LoadAsync(ct);
    }

    /// <summary>
    /// Runs each case once recording the SQL EF sends, then EXPLAIN ANALYZEs every command with its
    /// parameters: which query of an indicator costs what, and why.
    /// </summary>
    private async Task<string> ExplainAsync(IndicatorTimer timer, SqlCapture capture, IEnumerable<BenchCase> cases, CancellationToken ct)
    {
        var sb = new StringBuilder("# SQL of each indicator, with EXPLAIN (ANALYZE, BUFFERS)\n\n");
        foreach (var benchCase in cases)
        {
            capture.Clear();
            capture.Enabled = true;
            var (ms, _) = await timer.RunOnceAsync(benchCase, ct);
            capture.Enabled = false;
            var commands = capture.Commands;
            var sql = commands.Sum(c => c.Total.TotalMilliseconds);
            sb.AppendLine(Inv, $"## {benchCase.IndicatorLabel} · {benchCase.ScopeLabel} · {benchCase.Period.Label}");
            sb.AppendLine();
            sb.AppendLine(Inv, $"One run: {ms:F1} ms, of which {sql:F1} ms in {commands.Count} commands (sent until reader closed, EF materialising included), {ms - sql:F1} ms in .NET after them.");
            sb.AppendLine();
            foreach (var command in commands)
            {
                var parameters = string.Join(", ", command.Parameters.Select(p => $"{p.ParameterName}={Describe(p.Value)}"));
                sb.AppendLine(Inv, $"{command.Rows} rows; reader open after {command.Opened.TotalMilliseconds:F1} ms, closed after {command.Total.TotalMilliseconds:F1} ms; parameters: {parameters}");
                sb.AppendLine("```sql").AppendLine(command.Sql).AppendLine("```");
                sb.AppendLine("```").AppendLine(await SqlExplainer.ExplainAsync(options.ConnectionString, command, ct)).AppendLine("```");
                sb.AppendLine();
            }
            await output.WriteLineAsync($"   explained {benchCase.IndicatorLabel} · {benchCase.Scope.Code} · {benchCase.Period.Label}");
        }
        return sb.ToString();
    }

    private static string Describe(object? value) => value switch
    {
        null or DBNull => "null",
        System.Collections.ICollection list => $"[{list.Count} values]",
        IFormattable f => f.ToString(null, Inv),
        _ => value.ToString() ?? "",
    };
}
