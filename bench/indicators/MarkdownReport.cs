using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Npgsql;

namespace SalesBot.Bench;

/// <summary>What the figures depend on besides the code: the server's settings and how much data it holds.</summary>
public sealed record ServerFacts(string Version, string Fsync, string SharedBuffers, IReadOnlyList<(string Table, long Rows)> Rows)
{
    private static readonly string[] Tables =
    [
        "Teams", "People", "Clients", "ClientLifecycleEvents", "ClientBillings", "Opportunities", "OpportunityStageChanges",
        "Visits", "VisitPlans", "Pqrs", "Goals",
    ];

    public static async Task<ServerFacts> ReadAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        async Task<string> Show(string setting) => (string)(await BenchDatabase.ScalarAsync(connection, "SHOW " + setting, ct))!;
        var rows = new List<(string, long)>();
        foreach (var table in Tables) rows.Add((table, (long)(await BenchDatabase.ScalarAsync(connection, $"SELECT count(*) FROM \"{table}\"", ct))!));
        return new ServerFacts(await Show("server_version"), await Show("fsync"), await Show("shared_buffers"), rows);
    }
}

/// <summary>The report: the conditions first, then one row per case.</summary>
public static class MarkdownReport
{
    public const double TargetP95Ms = 200;

    public static string Render(DateTimeOffset at, ServerFacts server, string loadText, BenchOptions options, IReadOnlyList<CaseTiming> timings)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"# Indicator engine at scale, {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        sb.AppendLine();
        sb.AppendLine(inv, $"Target (issue): p95 < {TargetP95Ms} ms per indicator. Reported here, never asserted.");
        sb.AppendLine();
        sb.AppendLine(inv, $"- Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}{LoadAverage()}");
        sb.AppendLine(inv, $"- PostgreSQL {server.Version} on loopback, fsync={server.Fsync}, shared_buffers={server.SharedBuffers}");
        sb.AppendLine(inv, $"- Data: {string.Join(", ", server.Rows.Select(r => r.Rows.ToString("N0", inv) + " " + r.Table))}");
        sb.AppendLine(inv, $"- Load: {loadText}");
        sb.AppendLine(inv, $"- Method: every case once to warm up, then per case {options.Warmups} more warm-up runs and {options.Runs} measured; each run in a fresh DI scope of the CLI's host (pooled DbContext, empty per-request caches of people and goals), as a chat turn; Stopwatch around IndicatorEngine.ComputeAsync only; percentiles by nearest rank. Each computation covers the period and the six before it (the trend).");
        sb.AppendLine();
        sb.AppendLine("| indicator | scope | period | p50 ms | p95 ms | max ms | value |");
        sb.AppendLine("|---|---|---|--:|--:|--:|--:|");
        foreach (var t in timings)
        {
            var value = t.Results.Count == 1 && t.Results[0].Figures.Value is { } v ? v.ToString("0.##", inv) + " %" : "-";
            sb.AppendLine(inv, $"| {t.Case.IndicatorLabel} | {t.Case.ScopeLabel} | {t.Case.Period.Label} | {t.P50:F1} | {t.P95:F1} | {t.Max:F1} | {value} |");
        }
        sb.AppendLine();
        var over = timings.Where(t => t.Case.Indicators.Count == 1 && t.P95 >= TargetP95Ms).ToList();
        sb.AppendLine(over.Count == 0
            ? $"Every indicator is within the p95 target of {TargetP95Ms.ToString(inv)} ms."
            : $"Over the p95 target of {TargetP95Ms.ToString(inv)} ms: " +
              string.Join("; ", over.Select(t => string.Create(inv, $"{t.Case.IndicatorLabel} for the {t.Case.Scope.Code} over {t.Case.Period.Label} ({t.P95:F0} ms)"))) + ".");
        return sb.ToString();
    }

    /// <summary>On a shared machine other work moves the figures: say how busy it was.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? ", load average " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) + " (1, 5, 15 min) when the report was written" : "";
}
