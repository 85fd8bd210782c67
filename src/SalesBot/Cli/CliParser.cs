using SalesBot.Features.Digests;
using SalesBot.Features.Shared;
using SalesBot.Bot.Localization;
using SalesBot.Features.Pqrs;

namespace SalesBot.Cli;

/// <summary>
/// Parses `salesbot &lt;command&gt; [options]`. Options are `--name value` or `--name=value`;
/// options whose name contains ':' (e.g. --Database:Path=x) are configuration overrides.
/// </summary>
public static partial class CliParser
{
    public const string Usage = """
        SalesBot: a sales assistant for Microsoft Teams.

        Usage: salesbot [command] [options]      (salesbot = dotnet run --project src/SalesBot --)

        Commands:
          serve                         Run the bot (default). ASP.NET options such as --urls apply.
          migrate                       Create or update the database schema.
          seed-demo [--playground-dir DIR] [--history]
                                        Create the demo organisation (one person per role, a team)
                                        and write one Agents Playground config per demo person
                                        into DIR (default .playground). --history adds a quarter of
                                        history dated from today (clients, sign-ups, billing, deals
                                        and their stages, visits, plans, goals, PQRs), once.
          users add --aad-object-id ID --name NAME --email EMAIL --role ROLE [--role ROLE]
                    [--team NAME] [--manager-aad-object-id ID]
                                        Register a person. Roles: executive, team-lead,
                                        commercial-director, general-director, customer-service, admin.
          users list                    List the people of the organisation.
          teams add --name NAME [--channel-id ID] [--country CC] [--subdivision S] [--time-zone TZ]
                                        Create a sales team; ID is the conversation id of the Teams
                                        channel its notices go to (19:...@thread.tacv2).
          teams set --name NAME [--country CC] [--subdivision S] [--time-zone TZ]
                                        Give a team its own business calendar: country (CO, BO, MX),
                                        region with its own holidays (BO-C) and IANA time zone; what
                                        is left out is the organisation's.
          digests list                  The weekly digest subscriptions: team, channel, day, hour.
          digests add --team NAME --channel-id ID [--day DAY] [--hour HH:MM] [--language es|en]
                                        Post a team's weekly digest to a channel the bot has already
                                        heard from (Monday 08:00 in the team's time zone by default).
          digests remove --team NAME --channel-id ID
                                        Stop posting that team's digest to that channel.
          areas set --area AREA --email EMAIL
                                        Who answers for an area (legal, hr, operations, finance)
                                        when a contract renegotiation is consulted.
          holidays --year YYYY [--country CC] [--subdivision S]
                                        Print the public holidays (YYYY-MM-DD<TAB>name), after the
                                        corrections in holidays/CC.json. Countries: CO, BO, MX
                                        (default Organization:Country); S a region with its own
                                        holidays, e.g. BO-C (Cochabamba).
          pqr due --type TYPE --filed-at YYYY-MM-DDTHH:MM [--country CC]
                                        Print the legal due date of a PQR (last line: YYYY-MM-DD).
                                        TYPE: peticion, queja, reclamo, recurso,
                                        solicitud_documentos, consulta. A time without an offset is
                                        the organisation's local time (Organization:TimeZone).
          import clients FILE           Import clients from a .csv or .xlsx file (columns in the
                                        README); prints what each row created, updated or why it
                                        was rejected. Exit code 1 when some rows were rejected.
          goals import FILE             Set goals per indicator, scope (person:EMAIL, team:NAME,
                                        company) and month (columns in the README); a goal imported
                                        again is replaced.
          indicator NAME --scope person|team|company [--person EMAIL] [--team NAME] --period P [--json]
                                        Compute an indicator: value, goal, numerator, denominator,
                                        band and the six previous periods. P: 2026-11, 2026-Q4,
                                        2026, 2026-W48 or 2026-11-01/2026-11-30. --json prints it
                                        as JSON (amounts in currency units, null where none).
          report monthly --scope person|team|company [--person EMAIL] [--team NAME] --month YYYY-MM [--lang es|en] --out FILE.xlsx
                                        Write the monthly report's workbook (the one the chat card
                                        links to): summary, indicators, members, and a sheet per
                                        section (visits, sign-ups and churn, stage moves, offers,
                                        PQRs). Headers in --lang (default es).
          import billing|signups|opportunities|visits|visit-plans FILE
                                        Load a go-live file (.csv or .xlsx, columns in the README):
                                        monthly billing, sign-ups and churn, the deal pipeline with
                                        its stage dates, past and planned visits, monthly visit
                                        plans. Valid rows are saved together; re-running a file
                                        changes nothing. Exit 1 when some rows were rejected, 2 when
                                        the file is unreadable or lacks a required column.
          import pqrs FILE              Register PQRs from a .csv or .xlsx file (columns in the
                                        README): due dates computed, each routed and its assignee
                                        told. Rows already registered are left as they are.
                                        Exit code 1 when some rows were rejected.
          nlu parse [--locale L] [--now ISO] "TEXT"
          nlu parse [--locale L] [--now ISO] --file FILE.jsonl
                                        Print what the built-in recognizer reads in a message:
                                        {"intent": ..., "entities": {...}} (../shared/spec/NLU.md).
                                        L: es-CO (default), es-BO, es-MX, en-US; ISO the moment it
                                        is said (default now). --file reads lines of
                                        {"id","locale","text"} and prints one line per input with
                                        its id. Needs no database.
          nlu score FILE.jsonl [--now ISO] [--misses] [--min-intent 90] [--min-f1 85]
                                        Score the recognizer on a labelled set (NLU.md's line
                                        format): intent accuracy and entity precision, recall and
                                        F1 per locale. --now defaults to the contract's moment
                                        (2026-11-23T09:00:00-05:00); --misses lists each line read
                                        wrong. Exit 1 when a locale or the total is below a floor.
          --help, help                  Show this help.

        Configuration overrides: any --Section:Key=value (e.g. --Database:Path=/data/salesbot.db).
        Exit codes: 0 done, 1 failed, 2 bad arguments.
        """;

    private static readonly Localizer English = new();

    public static CliParseResult Parse(string[] args)
    {
        if (args.Length == 0) return Ok(new ServeCommand([]));
        var first = args[0];
        if (first is "--help" or "-h" or "help" or "-?") return Ok(new ShowHelpCommand());
        // Leading options without a command keep the old `dotnet SalesBot.dll --urls ...` form working.
        if (first.StartsWith('-')) return Ok(new ServeCommand(args));

        switch (first)
        {
            case "serve":
                return Ok(new ServeCommand(args[1..]));
            case "migrate":
                return WithOptions(args[1..], [], o => new MigrateCommand(o.HostArgs));
            case "seed-demo":
                return WithOptions(args[1..].Where(a => a != "--history").ToArray(), ["playground-dir"],
                    o => new SeedDemoCommand(o.Single("playground-dir") ?? ".playground", o.HostArgs) { History = args.Contains("--history") });
            case "users" when args.Length > 1 && args[1] == "add":
                return WithOptions(args[2..], ["aad-object-id", "name", "email", "role", "team", "manager-aad-object-id"], UsersAdd);
            case "users" when args.Length > 1 && args[1] == "list":
                return WithOptions(args[2..], [], o => new UsersListCommand(o.HostArgs));
            case "users":
                return Fail("'users' needs a subcommand: add or list.");
            case "teams" when args.Length > 1 && args[1] == "add":
                return WithOptions(args[2..], ["name", "channel-id", "country", "subdivision", "time-zone"], TeamsAdd);
            case "teams" when args.Length > 1 && args[1] == "set":
                return WithOptions(args[2..], ["name", "country", "subdivision", "time-zone"], o => new TeamsSetCommand(
                    o.Single("name") is { Length: > 0 } n ? n : throw new CliArgumentException("--name is required."),
                    CalendarOf(o) ?? throw new CliArgumentException("Give --country, --subdivision or --time-zone."), o.HostArgs));
            case "teams":
                return Fail("'teams' needs a subcommand: add or set.");
            case "digests" when args.Length > 1 && args[1] == "list":
                return WithOptions(args[2..], [], o => new DigestsCommand("list", null, null, DigestSlot.Default, "es", o.HostArgs));
            case "digests" when args.Length > 1 && args[1] is "add" or "remove":
                return WithOptions(args[2..], ["team", "channel-id", "day", "hour", "language"], o => Digests(args[1], o));
            case "digests":
                return Fail("'digests' needs a subcommand: list, add or remove.");
            case "areas" when args.Length > 1 && args[1] == "set":
                return WithOptions(args[2..], ["area", "email"], o => new AreasSetCommand(
                    o.Single("area") is { Length: > 0 } a ? a : throw new CliArgumentException("--area is required (legal, hr, operations, finance)."),
                    o.Single("email") is { Length: > 0 } e ? e : throw new CliArgumentException("--email is required."), o.HostArgs));
            case "areas":
                return Fail("'areas' needs a subcommand: set.");
            case "holidays":
                return WithOptions(args[1..], ["year", "country", "subdivision"], Holidays);
            case "pqr" when args.Length > 1 && args[1] == "due":
                return WithOptions(args[2..], ["type", "filed-at", "country"], PqrDue);
            case "pqr":
                return Fail("'pqr' needs a subcommand: due.");
            case "import" when args.Length > 2 && args[1] == "clients" && !args[2].StartsWith("--", StringComparison.Ordinal):
                return WithOptions(args[3..], [], o => new ImportClientsCommand(args[2], o.HostArgs));
            case "import" when args.Length > 2 && args[1] == "pqrs" && !args[2].StartsWith("--", StringComparison.Ordinal):
                return WithOptions(args[3..], [], o => new ImportPqrsCommand(args[2], o.HostArgs));
            case "goals" when args.Length > 2 && args[1] == "import" && !args[2].StartsWith("--", StringComparison.Ordinal):
                return WithOptions(args[3..], [], o => new ImportTableCommand("goals", args[2], o.HostArgs));
            case "goals":
                return Fail("Usage: goals import FILE (a .csv or .xlsx file; columns in the README).");
            case "indicator" when args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal):
                return WithOptions(args[2..].Where(a => a != "--json").ToArray(), ["scope", "person", "team", "period"],
                    o => Indicator(args[1], o, json: args.Contains("--json")));
            case "indicator":
                return Fail("Usage: indicator NAME --scope person|team|company [--person EMAIL] [--team NAME] --period P [--json]; NAME one of "
                    + string.Join(", ", Features.Indicators.Indicators.Codes.Codes) + ".");
            case "report" when args.Length > 1 && args[1] == "monthly":
                return WithOptions(args[2..], ["scope", "person", "team", "month", "lang", "out"], MonthlyReport);
            case "report":
                return Fail("Usage: report monthly --scope person|team|company [--person EMAIL] [--team NAME] --month YYYY-MM [--lang es|en] --out FILE.xlsx");
            case "nlu" when args.Length > 1 && args[1] == "parse":
                return NluParse(args[2..]);
            case "nlu" when args.Length > 2 && args[1] == "score":
                return NluScore(args[2..]);
            case "nlu":
                return Fail("Usage: nlu score FILE.jsonl [--now ISO] [--misses] [--min-intent 90] [--min-f1 85], or nlu parse [--locale es-CO|es-BO|es-MX|en-US] [--now 2026-11-23T09:00:00-05:00] \"TEXT\" | --file FILE.jsonl");
            case "import" when args.Length > 2 && ImportTableCommand.Kinds.Contains(args[1]) && !args[2].StartsWith("--", StringComparison.Ordinal):
                return WithOptions(args[3..], [], o => new ImportTableCommand(args[1], args[2], o.HostArgs));
            case "import":
                return Fail($"Usage: import KIND FILE (a .csv or .xlsx file), KIND one of: clients, pqrs, {string.Join(", ", ImportTableCommand.Kinds)}.");
            default:
                return Fail($"Unknown command '{first}'.");
        }
    }

    private static CliCommand Holidays(ParsedOptions o)
    {
        var text = o.Single("year") ?? throw new CliArgumentException("--year is required.");
        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) || year < 1 || year > 9999)
            throw new CliArgumentException($"--year '{text}' is not a year.");
        return new HolidaysCommand(o.Single("country"), year, o.HostArgs) { Subdivision = o.Single("subdivision") };
    }

    private static CliCommand Indicator(string name, ParsedOptions o, bool json)
    {
        var indicator = Features.Indicators.Indicators.Codes.Parse(name)
            ?? throw new CliArgumentException($"'{name}' is not an indicator: " + string.Join(", ", Features.Indicators.Indicators.Codes.Codes) + ".");
        var scope = Scope(o);
        var periodText = o.Single("period") ?? throw new CliArgumentException("--period is required: 2026-11, 2026-Q4, 2026, 2026-W48 or 2026-11-01/2026-11-30.");
        var period = Features.Shared.IndicatorPeriod.Parse(periodText)
            ?? throw new CliArgumentException($"--period '{periodText}' is not 2026-11, 2026-Q4, 2026, 2026-W48 or 2026-11-01/2026-11-30 (at most {Features.Shared.IndicatorPeriod.MaxRangeDays} days).");
        return new IndicatorCommand(indicator, scope, o.Single("person"), o.Single("team"), period, json, o.HostArgs);
    }

    /// <summary>--scope person|team|company with the --person or --team it needs.</summary>
    private static Features.Indicators.ScopeKind Scope(ParsedOptions o)
    {
        var scope = o.Single("scope") switch
        {
            "person" => Features.Indicators.ScopeKind.Person,
            "team" => Features.Indicators.ScopeKind.Team,
            "company" => Features.Indicators.ScopeKind.Company,
            var other => throw new CliArgumentException($"--scope must be person, team or company{(other is null ? "" : $", not '{other}'")}."),
        };
        if (scope == Features.Indicators.ScopeKind.Person && o.Single("person") is null) throw new CliArgumentException("--scope person needs --person EMAIL.");
        if (scope == Features.Indicators.ScopeKind.Team && o.Single("team") is null) throw new CliArgumentException("--scope team needs --team NAME.");
        return scope;
    }

    private static CliCommand MonthlyReport(ParsedOptions o)
    {
        var scope = Scope(o);
        var monthText = o.Single("month") ?? throw new CliArgumentException("--month is required, as YYYY-MM.");
        if (Features.Shared.IndicatorPeriod.Parse(monthText) is not { Kind: Features.Shared.PeriodKind.Month } month)
            throw new CliArgumentException($"--month '{monthText}' is not a month YYYY-MM.");
        var language = o.Single("lang") ?? "es";
        if (!Bot.Localization.Localizer.Languages.Contains(language)) throw new CliArgumentException($"--lang must be es or en, not '{language}'.");
        var output = o.Single("out") ?? throw new CliArgumentException("--out FILE.xlsx is required.");
        if (!output.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)) throw new CliArgumentException($"--out '{output}' must name a .xlsx file.");
        return new MonthlyReportCommand(scope, o.Single("person"), o.Single("team"), month, language, output, o.HostArgs);
    }

    private static CliCommand PqrDue(ParsedOptions o)
    {
        var typeText = o.Single("type") ?? throw new CliArgumentException("--type is required (" + string.Join(", ", PqrTypes.Codes) + ").");
        if (!PqrTypes.TryParse(typeText, out var type))
            throw new CliArgumentException($"--type '{typeText}' is not one of " + string.Join(", ", PqrTypes.Codes) + ".");
        var filedAt = o.Single("filed-at") ?? throw new CliArgumentException("--filed-at is required (e.g. 2026-03-27T16:30).");
        if (FiledAt.TryParse(filedAt, TimeZoneInfo.Utc) is null)
            throw new CliArgumentException($"--filed-at '{filedAt}' is not a date and time such as 2026-03-27T16:30 (an offset such as -05:00 or Z is optional).");
        return new PqrDueCommand(type, filedAt, o.Single("country"), o.HostArgs);
    }

    private static CliCommand TeamsAdd(ParsedOptions o)
    {
        var name = o.Single("name") is { Length: > 0 } n ? n : throw new CliArgumentException("--name is required.");
        var channel = o.Single("channel-id");
        if (AddTeam.ValidateChannelId(channel) is { } error) throw new CliArgumentException(English.Refusal(Localizer.English, error));
        return new TeamsAddCommand(name, channel, o.HostArgs) { Calendar = CalendarOf(o) };
    }

    /// <summary>A team's own calendar from --country, --subdivision and --time-zone; null when none is given.</summary>
    private static Features.Shared.Calendar.CalendarChoice? CalendarOf(ParsedOptions o) =>
        o.Single("country") is null && o.Single("subdivision") is null && o.Single("time-zone") is null
            ? null
            : new(o.Single("country"), o.Single("subdivision"), o.Single("time-zone"));

    private static CliCommand UsersAdd(ParsedOptions o)
    {
        string Required(string name) => o.Single(name) is { Length: > 0 } v ? v : throw new CliArgumentException($"--{name} is required.");
        var input = new AddPersonInput(Required("aad-object-id"), Required("name"), Required("email"),
            o.All("role"), o.Single("team"), o.Single("manager-aad-object-id"));
        if (input.Roles.Count == 0) throw new CliArgumentException("At least one --role is required.");
        if (AddPerson.Validate(input) is { } error)
            throw new CliArgumentException(English.Refusal(Localizer.English, error));
        return new UsersAddCommand(input, o.HostArgs);
    }

    private static CliParseResult WithOptions(string[] args, string[] known, Func<ParsedOptions, CliCommand> build)
    {
        try
        {
            return Ok(build(ParsedOptions.From(args, known)));
        }
        catch (CliArgumentException e)
        {
            return Fail(e.Message);
        }
    }

    private static CliParseResult Ok(CliCommand command) => new(command, null);
    private static CliParseResult Fail(string error) => new(null, error);

    private sealed class CliArgumentException(string message) : Exception(message);

    private sealed class ParsedOptions
    {
        private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
        public string[] HostArgs { get; private set; } = [];

        public string? Single(string name)
        {
            if (!_values.TryGetValue(name, out var v)) return null;
            if (v.Count > 1) throw new CliArgumentException($"--{name} was given more than once.");
            return v[0];
        }

        public IReadOnlyList<string> All(string name) => _values.TryGetValue(name, out var v) ? v : [];

        public static ParsedOptions From(string[] args, string[] known)
        {
            var hostArgs = new List<string>();
            var parsed = new ParsedOptions();
            for (var i = 0; i < args.Length; i++)
            {
                var arg = args[i];
                if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
                    throw new CliArgumentException($"Unexpected argument '{arg}'.");
                var body = arg[2..];
                var eq = body.IndexOf('=');
                var name = eq >= 0 ? body[..eq] : body;
                string value;
                if (eq >= 0) value = body[(eq + 1)..];
                else if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) value = args[++i];
                else throw new CliArgumentException($"--{name} needs a value.");

                if (name.Contains(':'))
                {
                    hostArgs.Add($"--{name}={value}");
                    continue;
                }
                if (!known.Contains(name)) throw new CliArgumentException($"Unknown option --{name}.");
                if (!parsed._values.TryGetValue(name, out var list)) parsed._values[name] = list = [];
                list.Add(value);
            }
            parsed.HostArgs = [.. hostArgs];
            return parsed;
        }
    }
}
