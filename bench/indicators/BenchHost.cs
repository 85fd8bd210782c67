using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SalesBot.Bot;
using SalesBot.Features.Clients;
using SalesBot.Features.Digests;
using SalesBot.Teams.Hosting;
using SalesBot.Features.Indicators;
using SalesBot.Features.Organization;
using SalesBot.Features.Pipeline;
using SalesBot.Features.Pqrs;
using SalesBot.Features.Renegotiations;
using SalesBot.Features.Shared.Calendar;
using SalesBot.Features.Visits;
using SalesBot.Infrastructure.Data;
using SalesBot.Infrastructure.Graph;
using SalesBot.Infrastructure.Outbox;

namespace SalesBot.Bench;

/// <summary>
/// The host `salesbot indicator` runs in, on PostgreSQL: the same registrations, in the same order,
/// as <c>CliRunner.BuildHost</c> (which is private, so they are repeated here; keep the two alike),
/// so the engine, its pooled DbContext, the Npgsql provider and the migrator are the product's own.
/// </summary>
public static class BenchHost
{
    public static IHost Build(string connectionString, SqlCapture capture, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        // Last source added wins over the app's appsettings.json copied beside the benchmark.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:SalesBot"] = connectionString,
            // The app's appsettings.json logs at Information; the benchmark's output is its report.
            ["Logging:LogLevel:Default"] = "Warning",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Error);
        // The data layer attaches every registered IInterceptor to its contexts: the hook the app
        // leaves for diagnostics. It records nothing until --explain switches it on.
        builder.Services.AddSingleton<IInterceptor>(capture);
        builder.Services.AddSalesBotData(builder.Configuration).AddOrganization(builder.Configuration)
            .AddBusinessCalendar(builder.Configuration).AddClients()
            .AddOutboxWriter(builder.Configuration).AddSalesBotConversation().AddPqrs(builder.Configuration)
            .AddGraph(builder.Configuration).AddRenegotiations()
            .AddPipeline(builder.Configuration).AddVisits(builder.Configuration).AddIndicators(builder.Configuration)
            // The digest benchmark starts the host: the outbox engine delivers through the real connector client.
            .AddOutbox(builder.Configuration).AddTeamsProtocol(builder.Configuration, retryThrottled: false).AddDigests(builder.Configuration);
        return builder.Build();
    }
}
