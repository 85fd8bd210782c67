using System.Globalization;

namespace SalesBot.Bench;

/// <summary>The command line of the benchmark (bench/indicators.sh passes the first two).</summary>
public sealed record BenchOptions(string ConnectionString, string OutDirectory, int Warmups, int Runs, bool Reload, bool Explain, bool Digests = false)
{
    public const string Usage = """
        IndicatorBench --connection "Host=...;Port=...;Username=...;Database=salesbot_bench" [options]

          --connection CS   the benchmark's own PostgreSQL database (created if missing; never a real one:
                            it refuses a database whose people it did not load)
          --out DIR         where the report goes (default bench/out)
          --runs N          measured runs per case (default 30)
          --warmup N        unmeasured runs first (default 3)
          --reload          drop the database and load the data again
          --explain         also run each case once capturing the SQL EF sends, and EXPLAIN ANALYZE it
          --digests         the weekly digest instead (bench/digests.sh): 200 teams over 100,000 deals, built and
                            delivered through the outbox to a counting connector
        """;

    public static BenchOptions? Parse(string[] args, TextWriter errors)
    {
        string? connection = null;
        var (outDirectory, warmups, runs, reload, explain, digests) = (Path.Combine("bench", "out"), 3, 30, false, false, false);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string? Value() => i + 1 < args.Length ? args[++i] : null;
            switch (arg)
            {
                case "--connection": connection = Value(); break;
                case "--out": outDirectory = Value() ?? ""; break;
                case "--runs" when int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0: runs = n; break;
                case "--warmup" when int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var w): warmups = w; break;
                case "--reload": reload = true; break;
                case "--explain": explain = true; break;
                case "--digests": digests = true; break;
                default:
                    errors.WriteLine($"error: unknown or invalid argument '{arg}'\n\n{Usage}");
                    return null;
            }
        }
        if (string.IsNullOrWhiteSpace(connection) || string.IsNullOrWhiteSpace(outDirectory))
        {
            errors.WriteLine($"error: --connection and --out need a value\n\n{Usage}");
            return null;
        }
        return new BenchOptions(connection, outDirectory, warmups, runs, reload, explain, digests);
    }
}
