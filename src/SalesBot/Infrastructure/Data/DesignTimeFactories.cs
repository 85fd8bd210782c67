using Microsoft.EntityFrameworkCore.Design;

namespace SalesBot.Infrastructure.Data;

/// <summary>Lets `dotnet ef migrations add` build each provider's context without the app's host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSalesBotDbContext>
{
    public SqliteSalesBotDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSalesBotDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSalesBotDbContext>
{
    public PostgresSalesBotDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSalesBotDbContext>().UseNpgsql("Host=localhost;Database=salesbot_design").Options);
}
