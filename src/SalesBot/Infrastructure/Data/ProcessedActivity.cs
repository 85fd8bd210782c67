namespace SalesBot.Infrastructure.Data;

/// <summary>
/// An inbound activity already handled: Teams retries a POST it did not see answered, and the
/// retry must not run the turn again. Committed with the turn's own changes.
/// </summary>
public sealed class ProcessedActivity
{
    public string Key { get; set; } = "";
    public DateTimeOffset ProcessedAt { get; set; }

    /// <summary>For invokes: the response given the first time, returned again to a retry.</summary>
    public string? InvokeResponseJson { get; set; }

    public static string KeyFor(string? channelId, string? conversationId, string activityId) =>
        $"{channelId}|{conversationId}|{activityId}";
}
