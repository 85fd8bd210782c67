namespace SalesBot.Features.Visits;

public sealed class VisitOptions
{
    public const string Section = "Visits";

    /// <summary>The duration a new visit form offers.</summary>
    public int DefaultDurationMinutes { get; set; } = 60;

    /// <summary>How long before a scheduled visit its owner is reminded.</summary>
    public TimeSpan ReminderBefore { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the reminder job looks for visits to remind and visits to ask about.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Where people reach this bot from their browser (https://salesbot.contoso.com): .ics links start here.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The secret .ics links are signed with (at least 32 characters). Without it there are no links.</summary>
    public string? LinkSigningKey { get; set; }

    /// <summary>How long an .ics link works.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(7);
}
