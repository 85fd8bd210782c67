namespace SalesBot.Bench;

/// <summary>
/// The indicator engine's benchmark (bench/README.md): loads an organisation of the size
/// into PostgreSQL through the app's own schema, then reports p50/p95 of every indicator for a
/// person, a team and the company. It never fails on speed: only an error makes it exit non-zero.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Any(a => a is "--help" or "-h"))
        {
            Console.WriteLine(BenchOptions.Usage);
            return 0;
        }
        if (BenchOptions.Parse(args, Console.Error) is not { } options) return 2;
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        try
        {
            if (options.Digests) await new DigestBench(options, Console.Out).RunAsync(cancel.Token);
            else await new BenchRun(options, Console.Out).RunAsync(cancel.Token);
            return 0;
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync("error: " + e);
            return 1;
        }
    }
}
