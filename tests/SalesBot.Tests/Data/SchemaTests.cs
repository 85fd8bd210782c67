using SalesBot.Bot;
using SalesBot.Features.Assistant;
using SalesBot.Features.Organization;
using Microsoft.Data.Sqlite;
using SalesBot.Features.Pipeline;
using Microsoft.EntityFrameworkCore.Storage;
using SalesBot.Infrastructure.Data;
using SalesBot.Infrastructure.Outbox;

namespace SalesBot.Tests.Data;

/// <summary>
/// One schema for both providers: the model matches its migrations, money is summed, compared and
/// ordered in the database to the cent, and a database from before the squash is refused plainly.
/// </summary>
public abstract class SchemaTests : DemoBotTest
{
    private static JsonObject Deal(string title, string unit, string stage, string seats = "1", string months = "1") => new()
    {
        ["command"] = "opportunities.save",
        ["opportunityId"] = "",
        ["clientQuery"] = "Ferretería El Sol",
        ["title"] = title,
        ["seats"] = seats,
        ["unitValue"] = unit,
        ["contractMonths"] = months,
        ["stage"] = stage,
    };

    [Fact]
    public async Task The_model_has_no_change_that_its_migrations_lack()
    {
        Assert.False(await Bot.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges())));
        // Initial (squashed before release), then one per schema change since.
        Assert.Equal(["Initial", "LifecycleAndStageHistory", "ClientBilling", "Goals", "DigestSubscriptions", "Nudges"], await Bot.WithDbAsync(db => Task.FromResult(db.Database.GetMigrations().Select(m => m[15..]).ToList())));
    }

    [Fact]
    public async Task The_pipeline_sums_rounded_weighted_values_and_orders_by_stage_then_value_in_the_database()
    {
        // 10 % of 333.333,33 is 33.333,333: each deal's weighted value is kept to the cent, so three
        // of them weigh 99.999,99 (not 100.000,00, as rounding the sum of unrounded values would).
        foreach (var (title, unit) in new[] { ("Uno", "333.333,33"), ("Dos", "333.333,33"), ("Tres", "333.333,33") })
            await AskAsync(Alex.Submit(Deal(title, unit, "hunting")));
        await AskAsync(Alex.Submit(Deal("Grande", "1.000.000.000,00", "hunting", seats: "9000")));
        await AskAsync(Alex.Submit(Deal("Avanzada", "1.000,00", "hunting")));
        await AskAsync(Alex.Message("mover avanzada a negociación"));

        await using var scope = Bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBotDbContext>();
        var alex = Actor.For(await db.People.SingleAsync(p => p.Name == "Alex Wilber"));
        var view = (await scope.ServiceProvider.GetRequiredService<ViewPipeline>().ExecuteAsync(alex, team: false, default)).Value!;

        var hunting = view.Stages.Single(s => s.Stage == Stage.Hunting);
        Assert.Equal((4, 9_000_000_999_999.99m, 900_000_099_999.99m), (hunting.Count, hunting.Total, hunting.Weighted));
        Assert.Equal((1, 1_000m, 750m), view.Stages.Single(s => s.Stage == Stage.Negotiation) is var n ? (n.Count, n.Total, n.Weighted) : default);
        // The latest stage first, then the largest value (the three equal ones in any order).
        Assert.Equal(["Avanzada", "Grande"], view.Open.Take(2).Select(o => o.Title));
        Assert.Equal(["Dos", "Tres", "Uno"], view.Open.Skip(2).Select(o => o.Title).Order());
        Assert.Equal(0, view.Stages.Single(s => s.Stage == Stage.Won).Count);
        // Money compares in SQL too: a filter on a value is answered by the database.
        Assert.Equal(1, await db.Opportunities.CountAsync(o => o.TotalValue > 1_000_000_000m));
    }

    [Fact]
    public async Task A_turns_own_rows_written_directly_are_stored_as_SaveChanges_stores_them_and_a_repeated_mark_is_a_race()
    {
        await using var scope = Bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBotDbContext>();
        // Sub-second, to the millisecond: both providers keep that (SQLite's binary form keeps no finer).
        // Far ahead: the bot's outbox engine is running, and it claims a row once it is due and its claim
        // has lapsed (with today's date, two minutes after it, it took the row and changed its token).
        var at = new DateTimeOffset(2126, 12, 5, 13, 45, 7, 123, TimeSpan.Zero);
        var token = Guid.NewGuid();
        OutboxMessage Row(string lane) => new()
        {
            Operation = OutboxOperation.Reply,
            Lane = lane,
            ServiceUrl = "https://smba.example/co/",
            ConversationId = "a:1",
            ActivityId = "act-1",
            PayloadJson = """{"text":"¿Añadir?"}""",
            CreatedAt = at,
            NextAttemptAt = at.AddSeconds(1),
            ClaimToken = token,
            ClaimedUntil = at.AddMinutes(2),
            CorrelationId = "c0ffee",
            TrackingKey = "offer:1",
        };
        var direct = Row("direct");
        var mark = new ProcessedActivity { Key = "msteams|a:1|act-1", ProcessedAt = at, InvokeResponseJson = """{"status":200}""" };

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await new TurnRows { Mark = mark, Replies = { direct } }.InsertAsync(db, db.Database.GetDbConnection(), transaction.GetDbTransaction(), default);
            await transaction.CommitAsync();
        }
        db.Outbox.Add(Row("saved"));
        await db.SaveChangesAsync();

        // The generated key came back, and every value reads back as written.
        Assert.True(direct.Id > 0);
        var expected = Row("direct");
        expected.Id = direct.Id;
        Assert.Equivalent(expected, await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == direct.Id), strict: true);
        Assert.Equivalent(mark, await db.ProcessedActivities.AsNoTracking().SingleAsync(), strict: true);
        // Stored alike: the database's own comparisons find both rows by each value.
        Assert.Equal(["direct", "saved"], await db.Outbox.AsNoTracking()
            .Where(m => m.CreatedAt == at && m.ClaimToken == token && m.Operation == OutboxOperation.Reply && m.ClaimedUntil > m.NextAttemptAt && m.NextAttemptAt > at)
            .OrderBy(m => m.Lane).Select(m => m.Lane).ToListAsync());

        // The same mark again (Teams' retry, committed by another turn first) is a duplicate key, as SaveChanges reports one.
        await using var again = await db.Database.BeginTransactionAsync();
        var race = await Assert.ThrowsAsync<DbUpdateException>(() => new TurnRows { Mark = new ProcessedActivity { Key = mark.Key, ProcessedAt = at } }
            .InsertAsync(db, db.Database.GetDbConnection(), again.GetDbTransaction(), default));
        Assert.True(DuplicateKey.Is(race, "ProcessedActivities"));
    }

    [Fact]
    public async Task The_lookups_every_turn_makes_return_what_EF_returns_for_rows_of_every_shape()
    {
        // Rows of each shape: people with a team and without, references welcomed and not, with
        // empty and full columns, a language chosen; the demo's own rows come along.
        var at = new DateTimeOffset(2026, 12, 5, 13, 45, 7, 123, TimeSpan.Zero);
        await Bot.WithDbAsync(async db =>
        {
            db.People.Add(new Person("aad-no-team", "Sin Equipo", "sin@example.com", Role.Executive | Role.CommercialDirector));
            db.ConversationReferences.Add(new StoredConversationReference { ConversationId = "a:bare", ChannelId = "msteams", ServiceUrl = "https://smba.example/", UpdatedAt = at });
            db.ConversationReferences.Add(new StoredConversationReference
            {
                ConversationId = "19:full@thread.tacv2",
                ChannelId = "msteams",
                ServiceUrl = "https://smba.example/co/",
                ConversationType = "channel",
                TenantId = "t",
                BotId = "28:bot",
                BotName = "SalesBot",
                UserId = "29:u",
                UserAadObjectId = "aad-u",
                UserName = "Ana Ñuñez",
                TeamId = "19:team",
                TeamsChannelId = "19:ch",
                Locale = "es-CO",
                UpdatedAt = at,
                WelcomedAt = at.AddMinutes(-3),
            });
            db.LanguagePreferences.Add(new LanguagePreference("aad-no-team", "en", at));
            await db.SaveChangesAsync();
            return 0;
        });

        await using var scope = Bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBotDbContext>();
        // On SQLite a turn's context reads through its prepared statements: that is the path under test there.
        Assert.Equal(db is SqliteSalesBotDbContext, db is SqliteSalesBotDbContext { TurnReads: not null });

        var people = await db.People.AsNoTracking().Include(p => p.Team).ToListAsync();
        Assert.Contains(people, p => p.Team is null);
        Assert.Contains(people, p => p.Team is not null);
        foreach (var person in people) Assert.Equivalent(person, await TurnPipeline.PersonByAad.RunAsync(db, person.AadObjectId, default), strict: true);
        Assert.Null(await TurnPipeline.PersonByAad.RunAsync(db, "aad-nobody", default));

        var references = await db.ConversationReferences.AsNoTracking().ToListAsync();
        Assert.True(references.Count >= 2);
        foreach (var reference in references)
            Assert.Equivalent(reference, await TurnConversation.ReferenceById.RunAsync(db, reference.ConversationId, default), strict: true);
        Assert.Null(await TurnConversation.ReferenceById.RunAsync(db, "a:nowhere", default));

        Assert.Equal("en", await LanguageResolver.ChosenBy.RunAsync(db, "aad-no-team", default));
        Assert.Null(await LanguageResolver.ChosenBy.RunAsync(db, "aad-nobody", default));
    }

    [Fact]
    public async Task A_total_too_large_for_the_money_columns_is_refused_and_saves_nothing()
    {
        var back = (await AskAsync(Alex.Submit(Deal("Enorme", "1.000.000.000.000", "hunting", seats: "1000000", months: "120")))).Card()!.AllText();

        Assert.Contains("no puede pasar de 1.000.000.000.000.000", back);
        Assert.Equal(0, await Bot.WithDbAsync(db => db.Opportunities.CountAsync()));
    }
}

public sealed class SqliteSchemaTests : SchemaTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());

    [Fact]
    public async Task Money_is_stored_as_integer_hundredths()
    {
        await AskAsync(Alex.Submit(new JsonObject
        {
            ["command"] = "opportunities.save",
            ["opportunityId"] = "",
            ["clientQuery"] = "Ferretería El Sol",
            ["title"] = "Centavos",
            ["seats"] = "3",
            ["unitValue"] = "1.234,56",
            ["contractMonths"] = "2",
        }));
        var stored = await Bot.WithDbAsync(async db =>
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT typeof(\"TotalValue\"), \"TotalValue\", \"WeightedValue\" FROM \"Opportunities\"";
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            return (reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2));
        });
        Assert.Equal(("integer", 740_736L, 74_074L), stored);
    }

    [Fact]
    public async Task Lookups_of_many_turns_at_once_each_read_their_own_row()
    {
        // The prepared statements live on shared connections, each lookup's to itself while it reads.
        var people = await Bot.WithDbAsync(db => db.People.AsNoTracking().Select(p => new { p.AadObjectId, p.Name }).ToListAsync());
        await using var scope = Bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBotDbContext>();
        var reads = scope.ServiceProvider.GetRequiredService<SqliteTurnReads>();
        var sql = $"SELECT {DirectRead<Person>.Column(db, nameof(Person.Name))} FROM {DirectRead<Person>.Table(db)} WHERE {DirectRead<Person>.Column(db, nameof(Person.AadObjectId))} = $key";
        var done = 0;
        var workers = Enumerable.Range(0, 32).Select(w => Task.Run(() =>
        {
            for (var k = 0; k < 500; k++)
            {
                var expected = people[(w + k) % people.Count];
                Assert.Equal(expected.Name, reads.Single(sql, expected.AadObjectId, static (command, key) => TurnQuery.Parameter(command, "$key", key), row => row.GetString(0)));
                Interlocked.Increment(ref done);
            }
        }));
        await Task.WhenAll(workers);
        Assert.Equal(32 * 500, done);
    }

    [Fact]
    public async Task A_turns_connection_opens_at_its_first_query_stays_open_for_the_others_and_closes_when_released()
    {
        await using var scope = Bot.Services.CreateAsyncScope();
        var db = (SqliteSalesBotDbContext)scope.ServiceProvider.GetRequiredService<SalesBotDbContext>();
        var connection = db.Database.GetDbConnection();
        var opened = 0;
        connection.StateChange += (_, e) => opened += e.CurrentState == System.Data.ConnectionState.Open ? 1 : 0;

        // Not held (the command line, a job): EF opens and closes around each query.
        await db.People.CountAsync();
        Assert.Equal(System.Data.ConnectionState.Closed, connection.State);

        db.HoldsConnection = true;
        await db.People.CountAsync();
        await db.Clients.CountAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync()) await transaction.CommitAsync();
        await db.Teams.CountAsync();
        Assert.Equal(System.Data.ConnectionState.Open, connection.State);
        Assert.Equal(2, opened); // the unheld query's, then one for the four of the held turn

        await SqliteHeldConnection.Release(db);
        Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
        await db.People.CountAsync();
        Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
    }
}

public sealed class PostgresSchemaTests : SchemaTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}

/// <summary>The migrations were squashed before the first release: an older database is refused with what to do.</summary>
public sealed class SquashedMigrationsTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task A_database_made_before_the_squash_is_refused_with_what_to_do()
    {
        await using (var connection = new SqliteConnection($"Data Source={_cli.DbPath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE \"__EFMigrationsHistory\" (\"MigrationId\" TEXT PRIMARY KEY, \"ProductVersion\" TEXT NOT NULL);" +
                "INSERT INTO \"__EFMigrationsHistory\" VALUES ('20261123075516_Initial', '10.0.15');";
            await command.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();

        var (code, _, error) = await _cli.Run("migrate");
        SqliteConnection.ClearAllPools();
        File.Delete(_cli.DbPath);
        var (fresh, output, _) = await _cli.Run("migrate");

        Assert.NotEqual(0, code);
        Assert.Contains("pre-release schema (migration 20261123075516_Initial)", error);
        Assert.Contains("Recreate it", error);
        Assert.Equal(0, fresh);
        Assert.Contains("Applied 6 migration(s)", output); // Initial, then one per schema change
    }
}
