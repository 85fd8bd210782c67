namespace SalesBot.Infrastructure.Scheduling;

/// <summary>
/// A scheduled job done for a period (a local date). Its key makes the run happen once across
/// every instance: the first to commit the row wins, and the job's effects commit with it.
/// </summary>
public sealed class JobRun
{
    public string Job { get; set; } = "";
    public string Period { get; set; } = "";
    public DateTimeOffset RanAt { get; set; }
}
