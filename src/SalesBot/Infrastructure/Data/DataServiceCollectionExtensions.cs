using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SalesBot.Infrastructure.Auditing;

namespace SalesBot.Infrastructure.Data;

public static class DataServiceCollectionExtensions
{
    public static IServiceCollection AddSalesBotData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section))
            .Validate(o => o.IsSqlite || o.IsPostgres, "Database:Provider must be Sqlite or Postgres")
            .Validate(o => !o.IsPostgres || !string.IsNullOrWhiteSpace(configuration.GetConnectionString("SalesBot")),
                "Database:Provider=Postgres needs ConnectionStrings:SalesBot")
            .ValidateOnStart();
        services.AddScoped<AuditContext>();
        services.TryAddSingletonTimeProvider();

        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        // Contexts come from a pool (every turn needs one; building one is not free) and are
        // handed out per scope with the scope's actor and clock.
        if (options.IsPostgres)
        {
            var connectionString = configuration.GetConnectionString("SalesBot") ?? "";
            services.AddPooledDbContextFactory<PostgresSalesBotDbContext>((sp, o) => o
                .UseNpgsql(connectionString)
                .ConfigureWarnings(ExpectedFailuresAtDebug)
                .AddInterceptors(sp.GetServices<IInterceptor>()));
            services.AddScoped<SalesBotDbContext>(Lease<PostgresSalesBotDbContext>);
            services.AddSingleton<ITurnCommit, DirectTurnCommit>();
        }
        else
        {
            var connectionString = SqliteConnectionString(options.Path);
            services.AddSingleton<SqliteWriteGate>();
            services.AddSingleton<SqliteWriteGateInterceptor>();
            services.AddPooledDbContextFactory<SqliteSalesBotDbContext>((sp, o) => o
                .UseSqlite(connectionString)
                .ConfigureWarnings(ExpectedFailuresAtDebug)
                .AddInterceptors([sp.GetRequiredService<SqliteWriteGateInterceptor>(), new SqliteHeldConnection(), .. sp.GetServices<IInterceptor>()]));
            services.AddScoped<SalesBotDbContext>(Lease<SqliteSalesBotDbContext>);
            services.AddSingleton(sp => new SqliteCheckpointer(connectionString, sp.GetRequiredService<SqliteWriteGate>(), sp.GetRequiredService<ILogger<SqliteCheckpointer>>()));
            services.AddSingleton<ITurnCommit, SqliteGroupCommit>();
            services.AddSingleton(_ => new SqliteTurnReads(connectionString));
        }
        // Any IInterceptor registered (diagnostics, a test's command counter) sees every command.
        services.AddScoped<DatabaseMigrator>();
        return services;
    }

    /// <summary>
    /// EF logs every failed command and save as an error, including the races the turn pipeline
    /// expects and retries (two install activities creating the same conversation reference). The
    /// exception still reaches its caller, which logs what it does not handle (the turn pipeline,
    /// the jobs, the CLI), once and with its context.
    /// </summary>
    private static void ExpectedFailuresAtDebug(Microsoft.EntityFrameworkCore.Diagnostics.WarningsConfigurationBuilder w) =>
        w.Log((RelationalEventId.CommandError, LogLevel.Debug), (CoreEventId.SaveChangesFailed, LogLevel.Debug), (CoreEventId.OptimisticConcurrencyException, LogLevel.Debug));

    /// <summary>Background upkeep of the bot's own tables; not needed by the command line.</summary>
    public static IServiceCollection AddDatabaseMaintenance(this IServiceCollection services)
    {
        services.AddSingleton<ProcessedActivityCleanup>();
        services.AddSingleton<IDatabaseUpkeep>(sp => sp.GetRequiredService<ProcessedActivityCleanup>());
        services.AddHostedService<DatabaseUpkeepService>();
        return services;
    }

    private static SalesBotDbContext Lease<TContext>(IServiceProvider scope) where TContext : SalesBotDbContext
    {
        var context = scope.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
        context.Audit = scope.GetRequiredService<AuditContext>();
        context.AfterSaveChanges = scope.GetService<SqliteWriteGateInterceptor>() is { } gate ? gate.ReleaseIfHeld : null;
        context.Clock = scope.GetRequiredService<TimeProvider>();
        if (context is SqliteSalesBotDbContext sqlite)
        {
            sqlite.TurnReads = scope.GetService<SqliteTurnReads>();
            // A pooled context starts every lease without the last one's hold.
            (sqlite.HoldsConnection, sqlite.OpenedConnection) = (false, false);
        }
        return context;
    }

    public static string SqliteConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = System.IO.Path.GetFullPath(path),
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        // Concurrent turns queue for the single SQLite writer instead of failing at once.
        DefaultTimeout = 30,
    }.ToString();

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }
}
