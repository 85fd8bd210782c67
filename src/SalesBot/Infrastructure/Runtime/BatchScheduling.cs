using System.Runtime.InteropServices;

namespace SalesBot.Infrastructure.Runtime;

/// <summary>
/// Keeps SalesBot's threads under Linux's batch scheduling policy (<c>SCHED_BATCH</c>). A turn
/// crosses several threads (the socket thread, thread-pool workers, the group commit, the outbox),
/// and under the normal policy a thread woken on a busy core preempts the one that woke it: a
/// context switch now, and another when the preempted thread gets the core back. A batch thread
/// woken up waits until the running one blocks or its slice ends. Priority, nice value and the
/// share of the CPU are unchanged; the cost is latency behind a thread that computes for long (a
/// slice, a few ms), which a chat turn does not notice. Measured on one core (bench/README): an
/// "ayuda" turn at 16 conversations made 1.6-1.7 context switches instead of 3.6-3.7, and spent
/// 12-24 % less CPU in paired runs.
/// </summary>
/// <remarks>
/// Setting it once at start is not enough: a thread the runtime starts later (a thread-pool
/// worker) does not take its creator's policy when the policy was changed from outside the
/// creator (glibc then sets the child to the policy it last read for the creator). So every
/// <see cref="Round"/> the threads not yet under it are put under it: a system call per thread and round.
/// </remarks>
public sealed class BatchScheduling(IConfiguration configuration, ILogger<BatchScheduling> logger) : BackgroundService
{
    public const string SettingKey = "Runtime:BatchScheduling";
    public static readonly TimeSpan Round = TimeSpan.FromSeconds(1);

    // The policy numbers of <sched.h>, and ESRCH: the thread ended between the listing and the call.
    internal const int NormalPolicy = 0;
    internal const int BatchPolicy = 3;
    private const int NoSuchThread = 3;

    /// <summary>The setting: on unless it says false; null when it is not a boolean.</summary>
    public static bool? Enabled(IConfiguration configuration)
    {
        var value = configuration[SettingKey];
        if (string.IsNullOrWhiteSpace(value)) return true;
        return bool.TryParse(value.Trim(), out var enabled) ? enabled : null;
    }

    /// <summary>Why the bot must not start (a setting that is not a boolean), or null.</summary>
    public static string? SettingRefusal(IConfiguration configuration) => Enabled(configuration) is null
        ? $"{SettingKey} must be true or false, not '{configuration[SettingKey]}'."
        : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Enabled(configuration) != true)
        {
            logger.LogInformation("Threads run under the normal scheduling policy ({Setting}=false)", SettingKey);
            return;
        }
        if (!OperatingSystem.IsLinux()) return;
        var (changed, error) = SetAll(BatchPolicy);
        if (error is not null)
        {
            logger.LogWarning("Threads run under the normal scheduling policy: the batch one could not be set ({Error})", error);
            return;
        }
        logger.LogInformation("Threads run under the batch scheduling policy (SCHED_BATCH, {Threads} set; {Setting})", changed, SettingKey);
        using var timer = new PeriodicTimer(Round);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                if (SetAll(BatchPolicy).Error is { } failed)
                {
                    logger.LogWarning("New threads are no longer put under the batch scheduling policy ({Error})", failed);
                    return;
                }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    /// <summary>
    /// Puts every thread of this process not yet under the policy under it. Returns how many were
    /// changed, and the first failure other than a thread that ended.
    /// </summary>
    internal static (int Changed, string? Error) SetAll(int policy)
    {
        var changed = 0;
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            if (!int.TryParse(Path.GetFileName(task), out var tid)) continue;
            var current = sched_getscheduler(tid);
            if (current == policy) continue;
            var parameters = new SchedParam();
            if (current >= 0 && sched_setscheduler(tid, policy, ref parameters) == 0) changed++;
            else if (Marshal.GetLastPInvokeError() is var errno && errno != NoSuchThread)
                return (changed, $"sched_setscheduler failed with errno {errno}");
        }
        return (changed, null);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct SchedParam
    {
        public int Priority; // 0: the only value the normal and batch policies take
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int sched_getscheduler(int pid);

    [DllImport("libc", SetLastError = true)]
    private static extern int sched_setscheduler(int pid, int policy, ref SchedParam parameters);
}
