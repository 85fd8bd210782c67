namespace SalesBot.Features.Digests;

/// <summary>
/// The digests' and nudges' background loop: a round at start and every Digests:CheckEvery of wall
/// time (a test's clock moved a week ahead must not replay a round per minute it skipped); what is
/// due is decided by each round on the injected clock. A failed round is logged and tried again.
/// </summary>
public abstract class WeeklyLoop(IOptions<DigestOptions> options, ILogger logger, string what) : BackgroundService
{
    protected DigestOptions Options => options.Value;
    protected ILogger Logger => logger;

    protected abstract Task RunRoundAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Send) return;
        using var timer = new PeriodicTimer(options.Value.CheckEvery);
        try
        {
            do
            {
                try
                {
                    await RunRoundAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "{What} could not be checked; trying again in {Interval}", what, options.Value.CheckEvery);
                }
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
