namespace SalesBot.Features.Pqrs;

public sealed class PqrOptions
{
    public const string Section = "Pqrs";

    /// <summary>Key the customer-service system sends in X-Api-Key; the API is off without one.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Keys accepted at once, for rotation: add the new one, move the caller to it, remove the old.
    /// <see cref="ApiKey"/> is still read and counts as one of them.
    /// </summary>
    public string[] ApiKeys { get; set; } = [];

    /// <summary>Calls one key may make per minute before it gets 429 with Retry-After.</summary>
    public int RequestsPerMinute { get; set; } = 120;

    /// <summary>Every key configured, without blanks or repeats.</summary>
    public IReadOnlyList<string> AcceptedKeys() =>
        ApiKeys.Append(ApiKey).OfType<string>().Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Team whose executives take, in turn, PQRs of clients without an owner (none: every executive).</summary>
    public string? RoutingTeam { get; set; }

    /// <summary>Remind the assignee every business day once this many business days or fewer are left.</summary>
    public int RemindWhenBusinessDaysLeft { get; set; } = 5;

    /// <summary>Tell the assignee's team lead once this many business days or fewer are left.</summary>
    public int EscalateWhenBusinessDaysLeft { get; set; } = 3;

    /// <summary>Local time of day of the daily reminders (Organization:TimeZone).</summary>
    public TimeOnly RemindersAt { get; set; } = new(8, 0);
}
