using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using SalesBot.Infrastructure.Runtime;

namespace SalesBot.Tests.Shared;

/// <summary>
/// The batch scheduling policy (<see cref="BatchScheduling"/>): read from the setting, set on every
/// thread, threads started since caught by the next round, and what the published bot does with it.
/// </summary>
public sealed class BatchSchedulingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("salesbot-sched-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("true", true)]
    [InlineData(" False ", false)]
    [InlineData("maybe", null)]
    [InlineData("1", null)]
    public void The_setting_is_on_unless_it_says_false(string? value, bool? expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [BatchScheduling.SettingKey] = value }).Build();
        Assert.Equal(expected, BatchScheduling.Enabled(configuration));
    }

    [Fact]
    public void A_round_puts_every_thread_under_the_policy_and_the_next_one_catches_threads_started_since()
    {
        if (!OperatingSystem.IsLinux()) Assert.Fail("the scheduling policy is Linux's; run the tests on Linux (README)");
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        try
        {
            var (changed, error) = BatchScheduling.SetAll(BatchScheduling.BatchPolicy);
            Assert.Null(error);
            Assert.True(changed > 1, $"the test host has several threads; {changed} set");
            Assert.All(Policies(Environment.ProcessId), p => Assert.Equal(BatchScheduling.BatchPolicy, p));

            var tid = 0;
            var thread = new Thread(() => { tid = CurrentThreadId(); started.Set(); release.Wait(); });
            thread.Start();
            started.Wait();
            Assert.Null(BatchScheduling.SetAll(BatchScheduling.BatchPolicy).Error);
            Assert.Equal(BatchScheduling.BatchPolicy, PolicyOf($"/proc/self/task/{tid}/stat"));
            release.Set();
            thread.Join();
        }
        finally
        {
            release.Set();
            // The test host's other tests run under the normal policy, as the bot's tests set it (BotHost).
            BatchScheduling.SetAll(BatchScheduling.NormalPolicy);
        }
        Assert.All(Policies(Environment.ProcessId), p => Assert.Equal(BatchScheduling.NormalPolicy, p));
    }

    [Theory]
    [InlineData(null, BatchScheduling.BatchPolicy)]
    [InlineData("false", BatchScheduling.NormalPolicy)]
    public async Task The_published_bot_runs_its_threads_under_the_configured_policy(string? setting, int policy)
    {
        var args = new List<string> { "serve", "--urls", "http://127.0.0.1:0", "--Database:Path=" + Path.Combine(_dir, $"serve-{policy}.db"),
            "--Authentication:AllowUnauthenticatedLoopback=true", "--Database:MigrateOnStart=true" };
        if (setting is not null) args.Add($"--{BatchScheduling.SettingKey}={setting}");
        using var bot = Start(args);
        var output = new System.Text.StringBuilder();
        var said = policy == BatchScheduling.BatchPolicy ? "batch scheduling policy" : "normal scheduling policy";
        // Until it listens and has said which policy its threads run under (the service says it once started).
        while (await bot.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1)) is { } line)
        {
            output.AppendLine(line);
            if (output.ToString() is var text && text.Contains("Now listening on", StringComparison.Ordinal)
                && text.Contains(said, StringComparison.Ordinal)) break;
        }
        try
        {
            Assert.Contains("Now listening on", output.ToString());
            // A thread started since the last round waits for the next one (a second).
            var policies = Policies(bot.Id);
            for (var wait = 0; wait < 20 && policies.Any(p => p != policy); wait++)
            {
                await Task.Delay(BatchScheduling.Round / 2);
                policies = Policies(bot.Id);
            }
            Assert.True(policies.Count > 5, $"a serving bot has more threads than {policies.Count}");
            Assert.All(policies, p => Assert.Equal(policy, p));
            Assert.Contains(said, output.ToString());
        }
        finally
        {
            bot.Kill(entireProcessTree: true);
            await bot.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task A_setting_that_is_not_a_boolean_stops_the_bot_and_names_it()
    {
        using var bot = Start(["serve", "--urls", "http://127.0.0.1:0", "--Database:Path=" + Path.Combine(_dir, "wrong.db"),
            "--Authentication:AllowUnauthenticatedLoopback=true", $"--{BatchScheduling.SettingKey}=sometimes"]);
        var stdout = bot.StandardOutput.ReadToEndAsync();
        var stderr = bot.StandardError.ReadToEndAsync();
        await bot.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(1, bot.ExitCode);
        Assert.Contains("Runtime:BatchScheduling must be true or false, not 'sometimes'", await stdout + await stderr);
    }

    private Process Start(IEnumerable<string> args)
    {
        var start = PublishedBot.StartInfo(_dir, "Production", args);
        start.Environment["Logging__LogLevel__Default"] = "Information";
        return Process.Start(start)!;
    }

    /// <summary>The calling thread's id in the kernel (what /proc/self/task lists).</summary>
    private static int CurrentThreadId() =>
        int.Parse(File.ReadAllText("/proc/thread-self/stat").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The scheduling policy of each thread of a process, from /proc.</summary>
    private static List<int> Policies(int pid) =>
        Directory.EnumerateDirectories($"/proc/{pid}/task")
            .Select(task => { try { return PolicyOf(Path.Combine(task, "stat")); } catch (IOException) { return -1; } })
            .Where(p => p >= 0) // a thread that ended while the list was read
            .ToList();

    /// <summary>Field 41 of a stat file (proc(5)): counted after the name in parentheses, which may hold spaces.</summary>
    private static int PolicyOf(string statFile)
    {
        var stat = File.ReadAllText(statFile);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[41 - 3], System.Globalization.CultureInfo.InvariantCulture);
    }
}
