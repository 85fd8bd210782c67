using SalesBot.Bot;
using SalesBot.Cli;
using SalesBot.Features;
using SalesBot.Features.Pqrs;
using SalesBot.Features.Pqrs.Api;
using SalesBot.Features.Shared.Calendar;
using SalesBot.Features.Visits;
using SalesBot.Features.Visits.Api;
using SalesBot.Features.Indicators.Api;
using SalesBot.Features.Digests.Api;
using SalesBot.Features.Shared.Api;
using SalesBot.Features.Reports.Api;
using SalesBot.Infrastructure.Graph;
using SalesBot.Infrastructure.Outbox;
using SalesBot.Infrastructure.Runtime;
using SalesBot.Infrastructure.Scheduling;
using SalesBot.Teams.Hosting;

// One executable: the bot (serve, the default) and the administrative commands.
var parsed = CliParser.Parse(args);
if (parsed.Command is null)
{
    Console.Error.WriteLine($"error: {parsed.Error}\nRun 'salesbot --help' for the commands.");
    return CliRunner.BadArguments;
}
if (parsed.Command is not ServeCommand serve) return await new CliRunner(Console.Out, Console.Error).RunAsync(parsed.Command);

// Settings files are read from beside the app, wherever it is started from; data paths such as
// Database:Path stay relative to the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = serve.HostArgs, ContentRootPath = AppContext.BaseDirectory });
builder.Services
    // Bot Framework protocol: inbound auth, connector client. A 429 goes back to the outbox, which
    // paces proactive sends under Outbox:TenantSendsPerSecond and retries after Retry-After.
    .AddTeamsProtocol(builder.Configuration, retryThrottled: false)
    .AddSalesBotData(builder.Configuration)    // EF Core on SQLite (default) or PostgreSQL, audit log
    .AddDatabaseMaintenance()                  // forgets old processed activity ids
    .AddDailyJobs()                            // daily jobs, once per day across instances
    .AddOutbox(builder.Configuration)          // durable outbound messages and their dispatcher
    .AddSalesBotConversation()                 // turn pipeline, command routing, cards, languages
    .AddOrganization(builder.Configuration)    // people, teams, roles; country and time zone
    .AddBusinessCalendar(builder.Configuration) // business days and public holidays
    .AddGraph(builder.Configuration)           // Microsoft Graph (app-only), when configured
    .AddSalesBotFeatures(builder.Configuration); // assistant, clients, visits, pipeline, offers, renegotiations, PQRs
builder.Services.AddHealthChecks();
builder.Services.AddHostedService<BatchScheduling>(); // the threads under Linux's batch scheduling policy

var app = builder.Build();
if ((app.UnauthenticatedModeRefusal() ?? BatchScheduling.SettingRefusal(app.Configuration)) is { } refusal)
{
    app.Logger.LogCritical("Not starting: {Reason}", refusal);
    await Console.Error.WriteLineAsync("error: " + refusal);
    return 1;
}
await app.PrepareDatabaseAsync();
app.LogInboundAuthenticationMode();
app.LogGarbageCollector();
app.UseRateLimiter();
app.MapBotMessages();
app.MapPqrApi();
app.MapVisitIcs();
app.MapMonthlyReportDownload();
app.MapIndicatorCharts();
app.MapDigestCharts();
app.MapRecordLinks();
app.MapHealthChecks("/healthz");
await app.RunAsync();
return 0;

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
