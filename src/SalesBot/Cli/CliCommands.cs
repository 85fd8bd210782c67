using SalesBot.Features.Shared;
using SalesBot.Features.Pqrs;

namespace SalesBot.Cli;

/// <summary>A parsed command line. HostArgs are configuration overrides passed on to the host (e.g. --Database:Path=x).</summary>
public abstract record CliCommand(string[] HostArgs);

public sealed record ServeCommand(string[] HostArgs) : CliCommand(HostArgs);
public sealed record MigrateCommand(string[] HostArgs) : CliCommand(HostArgs);
public sealed record SeedDemoCommand(string PlaygroundDirectory, string[] HostArgs) : CliCommand(HostArgs)
{
    /// <summary>Also a quarter of history (clients, sign-ups, billing, deals, visits, goals, PQRs), dated from today.</summary>
    public bool History { get; init; }
}
public sealed record UsersAddCommand(AddPersonInput Input, string[] HostArgs) : CliCommand(HostArgs);
public sealed record UsersListCommand(string[] HostArgs) : CliCommand(HostArgs);
public sealed record TeamsAddCommand(string Name, string? ChannelId, string[] HostArgs) : CliCommand(HostArgs)
{
    public Features.Shared.Calendar.CalendarChoice? Calendar { get; init; }
}
public sealed record TeamsSetCommand(string Name, Features.Shared.Calendar.CalendarChoice Calendar, string[] HostArgs) : CliCommand(HostArgs);
public sealed record HolidaysCommand(string? Country, int Year, string[] HostArgs) : CliCommand(HostArgs)
{
    public string? Subdivision { get; init; }
}
public sealed record PqrDueCommand(PqrType Type, string FiledAt, string? Country, string[] HostArgs) : CliCommand(HostArgs);
public sealed record ImportClientsCommand(string Path, string[] HostArgs) : CliCommand(HostArgs);
public sealed record ImportPqrsCommand(string Path, string[] HostArgs) : CliCommand(HostArgs);

/// <summary>`import billing|signups|opportunities|visits|visit-plans FILE`: the go-live files.</summary>
public sealed record ImportTableCommand(string Kind, string Path, string[] HostArgs) : CliCommand(HostArgs)
{
    public static readonly IReadOnlyList<string> Kinds = ["billing", "signups", "opportunities", "visits", "visit-plans"];
    // "goals" is read by `goals import FILE`.
}
/// <summary>`indicator NAME --scope person|team|company [--person EMAIL] [--team NAME] --period P [--json]`.</summary>
public sealed record IndicatorCommand(Features.Indicators.Indicator Indicator, Features.Indicators.ScopeKind Scope, string? Person, string? Team,
    Features.Shared.IndicatorPeriod Period, bool Json, string[] HostArgs) : CliCommand(HostArgs);
public sealed record AreasSetCommand(string Area, string Email, string[] HostArgs) : CliCommand(HostArgs);
public sealed record ShowHelpCommand() : CliCommand([]);

/// <summary>The parser's answer: a command, or why the arguments are wrong (exit code 2).</summary>
public sealed record CliParseResult(CliCommand? Command, string? Error);

/// <summary>`report monthly --scope ... --month YYYY-MM [--lang es|en] --out FILE.xlsx`.</summary>
public sealed record MonthlyReportCommand(Features.Indicators.ScopeKind Scope, string? Person, string? Team, Features.Shared.IndicatorPeriod Month,
    string Language, string Output, string[] HostArgs) : CliCommand(HostArgs);

/// <summary>`nlu parse [--locale L] [--now ISO] TEXT | --file FILE.jsonl`: the recognizer's reading, as JSON.</summary>
public sealed record NluParseCommand(string Locale, DateTimeOffset? Now, string? Text, string? File) : CliCommand([])
{
    public const string DefaultLocale = "es-CO";
    public static readonly IReadOnlyList<string> Locales = ["es-CO", "es-BO", "es-MX", "en-US"];
}

/// <summary>`nlu score`: a labelled set read by the recognizer and scored; below the floors (percentages) it fails.</summary>
public sealed record NluScoreCommand(string File, DateTimeOffset Now, bool ShowMisses, double MinIntentPercent, double MinF1Percent) : CliCommand([])
{
    /// <summary>The moment NLU.md's sets are said: Monday 23 November 2026, 09:00 in Bogotá.</summary>
    public static readonly DateTimeOffset ContractNow = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(-5));
}

/// <summary>`digests list`, `digests add --team T --channel-id C [--day D] [--hour HH:MM] [--language es|en]`, `digests remove --team T --channel-id C`.</summary>
public sealed record DigestsCommand(string Verb, string? Team, string? ChannelId, Features.Digests.DigestSlot Slot, string Language, string[] HostArgs) : CliCommand(HostArgs);
