using SalesBot.Features;
using SalesBot.Features.Language;
using SalesBot.Bot;
using SalesBot.Bot.Localization;
using SalesBot.Features.Clients;
using SalesBot.Features.Digests;
using SalesBot.Features.Indicators;
using SalesBot.Features.Offers;
using SalesBot.Features.Reports;
using SalesBot.Features.Pipeline;
using SalesBot.Features.Pqrs;
using SalesBot.Features.Renegotiations;
using SalesBot.Features.Shared.Calendar;
using SalesBot.Features.Visits;
using SalesBot.Infrastructure.Auditing;
using SalesBot.Infrastructure.Graph;
using SalesBot.Infrastructure.Outbox;

namespace SalesBot.Cli;

/// <summary>Runs the administrative commands against the configured database, outside the web host.</summary>
public sealed class CliRunner(TextWriter stdout, TextWriter stderr)
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadArguments = 2;

    private readonly Localizer _localizer = new();

    public async Task<int> RunAsync(CliCommand command, CancellationToken ct = default)
    {
        if (command is ShowHelpCommand)
        {
            await stdout.WriteLineAsync(CliParser.Usage);
            return Success;
        }
        // Reading a message needs no database and no user.
        if (command is NluParseCommand or NluScoreCommand)
        {
            using var loggers = LoggerFactory.Create(b => b.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning));
            ServiceProvider features;
            IMessageReader reader;
            try
            {
                features = NluFeatures(loggers);
                reader = features.GetRequiredService<IMessageReader>();
            }
            catch (InvalidOperationException e)
            {
                await stderr.WriteLineAsync("error: " + e.Message);
                return BadArguments;
            }
            await using var _ = features;
            return command is NluParseCommand nlu
                ? await new NluParseRunner(stdout, stderr, reader).RunAsync(nlu, ct)
                : await new NluScoreRunner(stdout, stderr, reader).RunAsync((NluScoreCommand)command, ct);
        }
        using var host = BuildHost(command.HostArgs);
        await using var scope = host.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var actor = Actor.CommandLine(Environment.UserName);
        sp.GetRequiredService<AuditContext>().Set(actor, null);
        try
        {
            return command switch
            {
                MigrateCommand => await MigrateAsync(sp, ct),
                SeedDemoCommand seed => await SeedDemoAsync(sp, actor, seed, ct),
                UsersAddCommand add => await UsersAddAsync(sp, actor, add, ct),
                UsersListCommand => await UsersListAsync(sp, actor, ct),
                TeamsAddCommand team => await TeamsAddAsync(sp, actor, team, ct),
                TeamsSetCommand set => await TeamsSetAsync(sp, actor, set, ct),
                DigestsCommand digests => await EnsureMigratedAsync(sp, ct)
                    ? await new DigestsRunner(stdout, stderr, _localizer).RunAsync(sp, actor, digests, ct)
                    : Failure,
                HolidaysCommand holidays => await HolidaysAsync(sp, holidays),
                ImportClientsCommand import => await EnsureMigratedAsync(sp, ct)
                    ? await new ImportClientsRunner(stdout, stderr, _localizer).RunAsync(sp, actor, import.Path, ct)
                    : Failure,
                ImportPqrsCommand import => await EnsureMigratedAsync(sp, ct)
                    ? await new ImportPqrsRunner(stdout, stderr, _localizer).RunAsync(sp, actor, import.Path, ct)
                    : Failure,
                ImportTableCommand import => await EnsureMigratedAsync(sp, ct)
                    ? await ImportTableAsync(sp, actor, import, ct)
                    : Failure,
                IndicatorCommand indicator => await EnsureMigratedAsync(sp, ct)
                    ? await new IndicatorRunner(stdout, stderr).RunAsync(sp, indicator, ct)
                    : Failure,
                MonthlyReportCommand report => await EnsureMigratedAsync(sp, ct)
                    ? await new MonthlyReportRunner(stdout, stderr, _localizer).RunAsync(sp, report, ct)
                    : Failure,
                AreasSetCommand areas => await AreasSetAsync(sp, actor, areas, ct),
                PqrDueCommand due => await PqrDueAsync(sp, due),
                _ => throw new InvalidOperationException($"{command.GetType().Name} is not a CLI command"),
            };
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"error: {e.GetBaseException().Message}");
            return Failure;
        }
    }

    /// <summary>
    /// The features as the bot registers them, with no host and no database: the message reader is
    /// built from their phrases and routes, so the CLI reads a sentence exactly as the bot does.
    /// </summary>
    private static ServiceProvider NluFeatures(ILoggerFactory loggers)
    {
        var configuration = new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory).AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables().Build();
        return new ServiceCollection().AddSingleton(loggers).AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddSalesBotFeatures(configuration).BuildServiceProvider();
    }

    private static IHost BuildHost(string[] hostArgs)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = hostArgs, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Error);
        builder.Services.AddSalesBotData(builder.Configuration).AddOrganization(builder.Configuration)
            .AddBusinessCalendar(builder.Configuration).AddClients()
            // Importing PQRs routes them and queues their cards: the running bot's dispatcher delivers them.
            .AddOutboxWriter(builder.Configuration).AddSalesBotConversation().AddPqrs(builder.Configuration)
            .AddGraph(builder.Configuration).AddRenegotiations()
            // The go-live imports load deals and visits.
            .AddPipeline(builder.Configuration).AddVisits(builder.Configuration).AddIndicators(builder.Configuration)
            // The demo history makes offers through their approval chain.
            .AddOffers(builder.Configuration).AddReports(builder.Configuration)
            // Teams with a channel get its weekly digest; `digests` manages the subscriptions.
            .AddDigests(builder.Configuration);
        return builder.Build();
    }

    private async Task<int> MigrateAsync(IServiceProvider sp, CancellationToken ct)
    {
        var applied = await sp.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
        await stdout.WriteLineAsync(applied.Count == 0
            ? "Database is up to date."
            : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
        return Success;
    }

    private async Task<int> SeedDemoAsync(IServiceProvider sp, Actor actor, SeedDemoCommand command, CancellationToken ct)
    {
        await sp.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
        var result = await sp.GetRequiredService<SeedDemoOrganization>().ExecuteAsync(actor, ct);
        if (!result.Ok) return await Refuse(result.Error!);
        var s = result.Value!;
        await stdout.WriteLineAsync($"Demo organisation ready: {s.PeopleCreated} people created, {s.PeopleUpdated} updated, team '{DemoOrganization.TeamName}' {(s.TeamCreated ? "created" : "already there")}.");
        var clients = await sp.GetRequiredService<SeedDemoClients>().ExecuteAsync(actor, ct);
        if (!clients.Ok) return await Refuse(clients.Error!);
        var rejected = clients.Value!.Where(r => r.Outcome == ImportOutcome.Rejected).ToList();
        if (rejected.Count > 0) throw new InvalidOperationException($"demo client {rejected[0].Label} was rejected: {rejected[0].Reasons[0]}");
        await stdout.WriteLineAsync($"Demo clients ready: {clients.Value!.Count(r => r.Outcome == ImportOutcome.Created)} created, {clients.Value!.Count(r => r.Outcome == ImportOutcome.Updated)} updated.");
        await sp.GetRequiredService<Features.Renegotiations.SeedDemoAreas>().ExecuteAsync(actor, ct);
        await stdout.WriteLineAsync("Demo areas ready: Legal Adele Vance, HR Lynne Robbins, Operations Isaiah Langer, Finance Diego Siciliani.");
        if (command.History) await stdout.WriteLineAsync(await ActivatorUtilities.CreateInstance<DemoHistory>(sp).SeedAsync(actor, ct));
        var files = PlaygroundConfigWriter.WriteAll(command.PlaygroundDirectory);
        await stdout.WriteLineAsync($"Agents Playground configurations in {Path.GetFullPath(command.PlaygroundDirectory)}:");
        foreach (var (person, file) in files)
            await stdout.WriteLineAsync($"  {Path.GetFileName(file),-24} {person.Name} ({RoleNames.Format(person.Roles)})");
        return Success;
    }

    private async Task<int> UsersAddAsync(IServiceProvider sp, Actor actor, UsersAddCommand command, CancellationToken ct)
    {
        if (!await EnsureMigratedAsync(sp, ct)) return Failure;
        var result = await sp.GetRequiredService<AddPerson>().ExecuteAsync(actor, command.Input, ct);
        if (!result.Ok) return await Refuse(result.Error!);
        await CommitAsync(sp, ct);
        var p = result.Value!;
        await stdout.WriteLineAsync($"Added {p.Name} <{p.Email}> ({RoleNames.Format(p.Roles)}), Entra object id {p.AadObjectId}.");
        return Success;
    }

    private async Task<int> UsersListAsync(IServiceProvider sp, Actor actor, CancellationToken ct)
    {
        if (!await EnsureMigratedAsync(sp, ct)) return Failure;
        var result = await sp.GetRequiredService<ListPeople>().ExecuteAsync(actor, ct);
        if (!result.Ok) return await Refuse(result.Error!);
        await stdout.WriteLineAsync("AAD_OBJECT_ID\tNAME\tEMAIL\tROLES\tTEAM\tMANAGER");
        foreach (var p in result.Value!)
            await stdout.WriteLineAsync($"{p.AadObjectId}\t{p.Name}\t{p.Email}\t{RoleNames.Format(p.Roles)}\t{p.Team ?? "-"}\t{p.ManagerName ?? "-"}");
        await stdout.WriteLineAsync($"{result.Value!.Count} people.");
        return Success;
    }

    private async Task<int> TeamsAddAsync(IServiceProvider sp, Actor actor, TeamsAddCommand command, CancellationToken ct)
    {
        if (!await EnsureMigratedAsync(sp, ct)) return Failure;
        var result = await sp.GetRequiredService<AddTeam>().ExecuteAsync(actor, command.Name, command.ChannelId, ct, command.Calendar);
        if (!result.Ok) return await Refuse(result.Error!);
        await CommitAsync(sp, ct);
        var team = result.Value!;
        // A team with its channel gets the default weekly digest there (Monday 08:00); it posts once the bot has heard from the channel.
        if (team.ChannelConversationId is { } channel)
        {
            var subscribed = await sp.GetRequiredService<Features.Digests.DigestSubscriptions>()
                .SubscribeAsync(actor, channel, team.Name, Features.Digests.DigestSlot.Default, "es", ct);
            if (!subscribed.Ok) return await Refuse(subscribed.Error!);
            await CommitAsync(sp, ct);
        }
        await stdout.WriteLineAsync(team.ChannelConversationId is null
            ? $"Added team '{team.Name}'{CalendarText(team)}."
            : $"Added team '{team.Name}'{CalendarText(team)}, posting to channel {team.ChannelConversationId}, with its weekly digest there on Mondays at 08:00 (salesbot digests add to change it).");
        return Success;
    }

    private async Task<int> TeamsSetAsync(IServiceProvider sp, Actor actor, TeamsSetCommand command, CancellationToken ct)
    {
        if (!await EnsureMigratedAsync(sp, ct)) return Failure;
        var result = await sp.GetRequiredService<SetTeamCalendar>().ExecuteAsync(actor, command.Name, command.Calendar, ct);
        if (!result.Ok) return await Refuse(result.Error!);
        await CommitAsync(sp, ct);
        await stdout.WriteLineAsync($"Team '{result.Value!.Name}' now counts business days on{CalendarText(result.Value)}.");
        return Success;
    }

    /// <summary>The command line's unit of work ends here: use cases change, the caller commits.</summary>
    private static Task<int> CommitAsync(IServiceProvider sp, CancellationToken ct) => sp.GetRequiredService<SalesBotDbContext>().SaveChangesAsync(ct);

    private static string CalendarText(Team team) =>
        team.Country is null && team.Subdivision is null && team.TimeZone is null
            ? ""
            : $" (calendar {team.Country ?? "organisation's country"}{(team.Subdivision is null ? "" : " " + team.Subdivision)}, {team.TimeZone ?? "organisation's time zone"})";

    private Task<int> ImportTableAsync(IServiceProvider sp, Actor actor, ImportTableCommand command, CancellationToken ct)
    {
        var runner = new TableImportRunner(stdout, stderr, _localizer);
        return command.Kind switch
        {
            "billing" => runner.RunAsync(command.Path, "billing", Features.Clients.ClientImportColumns.Billing,
                rows => sp.GetRequiredService<Features.Clients.ImportBilling>().ExecuteAsync(actor, rows, ct)),
            "signups" => runner.RunAsync(command.Path, "sign-ups and churn", Features.Clients.ClientImportColumns.Signups,
                rows => sp.GetRequiredService<Features.Clients.ImportSignups>().ExecuteAsync(actor, rows, ct)),
            "visit-plans" => runner.RunAsync(command.Path, "visit plans", Features.Visits.ImportVisitPlans.Columns,
                rows => sp.GetRequiredService<Features.Visits.ImportVisitPlans>().ExecuteAsync(actor, rows, ct)),
            "opportunities" => runner.RunAsync(command.Path, "opportunities", Features.Pipeline.ImportOpportunities.Columns,
                rows => sp.GetRequiredService<Features.Pipeline.ImportOpportunities>().ExecuteAsync(actor, rows, ct)),
            "visits" => runner.RunAsync(command.Path, "visits", Features.Visits.ImportVisits.Columns,
                rows => sp.GetRequiredService<Features.Visits.ImportVisits>().ExecuteAsync(actor, rows, ct)),
            "goals" => runner.RunAsync(command.Path, "goals", ImportGoals.Columns,
                rows => sp.GetRequiredService<ImportGoals>().ExecuteAsync(actor, rows, ct)),
            var other => throw new InvalidOperationException($"import {other} has no importer"),
        };
    }

    private async Task<int> AreasSetAsync(IServiceProvider sp, Actor actor, AreasSetCommand command, CancellationToken ct)
    {
        if (!await EnsureMigratedAsync(sp, ct)) return Failure;
        var result = await sp.GetRequiredService<Features.Renegotiations.SetAreaContact>().ExecuteAsync(actor, command.Area, command.Email, ct);
        if (!result.Ok) return await Refuse(result.Error!);
        await sp.GetRequiredService<SalesBotDbContext>().SaveChangesAsync(ct);
        await stdout.WriteLineAsync($"{result.Value.Person.Name} <{result.Value.Person.Email}> now answers for {Features.Renegotiations.Areas.Codes.Code(result.Value.Area)} in renegotiations.");
        return Success;
    }

    private async Task<int> HolidaysAsync(IServiceProvider sp, HolidaysCommand command)
    {
        if (Calendar(sp, command.Country, command.Subdivision) is not { } calendar) return BadArguments;
        IReadOnlyList<Holiday> holidays;
        try
        {
            holidays = calendar.Holidays(command.Year);
        }
        catch (ArgumentOutOfRangeException e)
        {
            await stderr.WriteLineAsync($"error: no holidays for {command.Year}: {e.Message.Split(Environment.NewLine)[0]}.");
            return BadArguments;
        }
        foreach (var h in holidays)
            await stdout.WriteLineAsync($"{h.Date:yyyy-MM-dd}\t{h.Name}");
        return Success;
    }

    private async Task<int> PqrDueAsync(IServiceProvider sp, PqrDueCommand command)
    {
        if (Calendar(sp, command.Country) is not { } calendar) return BadArguments;
        var filedAt = FiledAt.TryParse(command.FiledAt, calendar.TimeZone)!.Value;
        try
        {
            var due = new PqrDeadline(calendar).DueDate(command.Type, filedAt);
            var local = TimeZoneInfo.ConvertTime(filedAt, calendar.TimeZone);
            await stdout.WriteLineAsync($"{command.Type.Code()} filed {local:yyyy-MM-dd HH:mm} ({calendar.TimeZone.Id}, {calendar.Country}): " +
                $"due on business day {command.Type.TermInBusinessDays()} after the filing date");
            await stdout.WriteLineAsync(due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            return Success;
        }
        catch (ArgumentOutOfRangeException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message.Split(Environment.NewLine)[0]}.");
            return BadArguments;
        }
    }

    /// <summary>The organisation's calendar, or null after saying why it cannot be built.</summary>
    private BusinessCalendar? Calendar(IServiceProvider sp, string? countryOverride, string? subdivision = null)
    {
        var organization = sp.GetRequiredService<IConfiguration>().GetSection(OrganizationOptions.Section).Get<OrganizationOptions>() ?? new OrganizationOptions();
        try
        {
            return sp.GetRequiredService<BusinessCalendarProvider>().Create(countryOverride ?? organization.Country, subdivision);
        }
        catch (BusinessCalendarFactory.CalendarException e)
        {
            stderr.WriteLine("error: " + e.Message);
            return null;
        }
    }

    private async Task<bool> EnsureMigratedAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<SalesBotDbContext>();
        if (!(await db.Database.GetPendingMigrationsAsync(ct)).Any()) return true;
        await stderr.WriteLineAsync("error: the database is not up to date; run 'salesbot migrate' first.");
        return false;
    }

    /// <summary>A refusal from a use case: bad input or a conflict is the caller's to fix (exit 2).</summary>
    private async Task<int> Refuse(DomainError error)
    {
        await stderr.WriteLineAsync("error: " + _localizer.Refusal(Localizer.English, error));
        return error.Code is "invalid" or "not-found" or "conflict" or "calendar-invalid" ? BadArguments : Failure;
    }
}
