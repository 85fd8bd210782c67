using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SalesBot.Features.Indicators;

namespace SalesBot.Bench;

/// <summary>The measured runs of one case, in milliseconds, and what the last run computed.</summary>
public sealed record CaseTiming(BenchCase Case, IReadOnlyList<double> Milliseconds, IReadOnlyList<IndicatorResult> Results)
{
    public double P50 => Percentile(0.50);
    public double P95 => Percentile(0.95);
    public double Max => Milliseconds.Max();

    /// <summary>Nearest rank: the smallest time that at least q of the runs did not exceed (with 30 runs, p95 is the 29th).</summary>
    private double Percentile(double q)
    {
        var sorted = Milliseconds.Order().ToList();
        return sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Count) - 1)];
    }
}

/// <summary>Times <see cref="IndicatorEngine.ComputeAsync"/> the way a chat turn calls it.</summary>
public sealed class IndicatorTimer(IServiceProvider services, int warmups, int runs)
{
    public async Task<CaseTiming> MeasureAsync(BenchCase benchCase, CancellationToken ct)
    {
        // Warm-up runs pay for JIT, EF's query compilation and cold pages, which a running bot paid long ago.
        for (var i = 0; i < warmups; i++) await RunOnceAsync(benchCase, ct);
        var times = new List<double>(runs);
        IReadOnlyList<IndicatorResult> last = [];
        for (var i = 0; i < runs; i++)
        {
            (var ms, last) = await RunOnceAsync(benchCase, ct);
            times.Add(ms);
        }
        return new CaseTiming(benchCase, times, last);
    }

    public async Task<(double Milliseconds, IReadOnlyList<IndicatorResult> Results)> RunOnceAsync(BenchCase benchCase, CancellationToken ct)
    {
        // A turn has its own scope: its own DbContext from the pool, and empty per-request caches
        // (IndicatorPeople, GoalBook), so people and goals are read again as they would be.
        await using var scope = services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<IndicatorEngine>();
        var results = new List<IndicatorResult>(benchCase.Indicators.Count);
        var watch = Stopwatch.StartNew();
        foreach (var indicator in benchCase.Indicators) results.Add(await engine.ComputeAsync(indicator, benchCase.Scope, benchCase.Period, ct));
        watch.Stop();
        return (watch.Elapsed.TotalMilliseconds, results);
    }
}
