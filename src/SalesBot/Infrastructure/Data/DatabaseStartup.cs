namespace SalesBot.Infrastructure.Data;

public static class DatabaseStartup
{
    /// <summary>
    /// Applies migrations at start-up when configured to (by default in Development, so the first
    /// README command just works); production runs `salesbot migrate` as a deployment step.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var migrate = options.MigrateOnStart ?? app.Environment.IsDevelopment();
        if (!migrate) return;
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(app.Lifetime.ApplicationStopping);
    }
}
