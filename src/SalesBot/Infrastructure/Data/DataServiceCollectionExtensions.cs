using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
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
        if (options.IsPostgres)
        {
            var connectionString = configuration.GetConnectionString("SalesBot") ?? "";
            services.AddDbContext<SalesBotDbContext, PostgresSalesBotDbContext>(o => o.UseNpgsql(connectionString));
        }
        else
        {
            var connectionString = SqliteConnectionString(options.Path);
            services.AddSingleton<SqliteWriteGate>();
            services.AddSingleton<SqliteWriteGateInterceptor>();
            services.AddDbContext<SalesBotDbContext, SqliteSalesBotDbContext>((sp, o) => o
                .UseSqlite(connectionString)
                .AddInterceptors(sp.GetRequiredService<SqliteWriteGateInterceptor>()));
        }
        services.AddScoped<DatabaseMigrator>();
        return services;
    }

    /// <summary>Background upkeep of the bot's own tables; not needed by the command line.</summary>
    public static IServiceCollection AddDatabaseMaintenance(this IServiceCollection services)
    {
        services.AddSingleton<ProcessedActivityCleanup>();
        services.AddHostedService(sp => sp.GetRequiredService<ProcessedActivityCleanup>());
        return services;
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
