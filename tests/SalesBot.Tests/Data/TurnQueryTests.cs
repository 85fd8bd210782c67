using SalesBot.Features.Organization;
using SalesBot.Features.Visits;
using SalesBot.Infrastructure.Data;

namespace SalesBot.Tests.Data;

/// <summary>
/// A <see cref="TurnQuery{TArgs, TResult}"/> answers as its EF query does: on SQLite its SQL runs on
/// a connection of its own, so it must bind every value as EF stores it, and it must not be used
/// where the turn's own connection holds rows nobody else sees yet (a transaction).
/// </summary>
public abstract class TurnQueryTests : DemoBotTest
{
    // In UTC, as the use cases keep instants (PostgreSQL refuses any other offset).
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 19, 30, 0, TimeSpan.Zero);

    private static Visit Logged(Person owner, Guid clientId, DateTimeOffset start) => Visit.Logged(owner.Id, clientId, start, start.AddMinutes(30),
        new VisitDetails(VisitType.FollowUp, "Carlos Ruiz", null, null),
        new VisitReport(VisitType.FollowUp, VisitOutcome.Interested, null, null, null, null), owner.Id, start.AddHours(1));

    [Fact]
    public async Task The_duplicate_visit_check_answers_as_its_EF_query_for_each_value_it_compares()
    {
        await using var scope = Bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBotDbContext>();
        // On SQLite the leased context has the kept-statement route; the comparisons below are between the two routes.
        if (db is SqliteSalesBotDbContext sqlite) Assert.NotNull(sqlite.TurnReads);
        var alex = await db.People.SingleAsync(p => p.Name == "Alex Wilber");
        var clients = await db.Clients.Where(c => c.OwnerId == alex.Id).OrderBy(c => c.Name).Select(c => c.Id).Take(2).ToListAsync();
        var logged = Logged(alex, clients[0], Start);
        var cancelled = Logged(alex, clients[1], Start);
        db.Visits.AddRange(logged, cancelled);
        await db.SaveChangesAsync();
        await db.Visits.Where(v => v.Id == cancelled.Id).ExecuteUpdateAsync(s => s.SetProperty(v => v.Status, VisitStatus.Cancelled));

        var cases = new (string Case, Guid Owner, Guid Client, DateTimeOffset Start, bool Expected)[]
        {
            ("the same visit", alex.Id, clients[0], Start, true),
            ("a minute later", alex.Id, clients[0], Start.AddMinutes(1), false),
            ("another client", alex.Id, clients[1], Start, false), // cancelled there: not a duplicate
            ("another owner", Guid.NewGuid(), clients[0], Start, false),
        };
        foreach (var (name, owner, client, start, expected) in cases)
        {
            var throughEf = await LogVisit.AlreadyLogged.ThroughEfAsync(db, (owner, client, start), default);
            var answered = await LogVisit.AlreadyLogged.RunAsync(db, (owner, client, start), default);
            Assert.True((expected, expected) == (throughEf, answered), $"{name}: expected {expected}, EF said {throughEf}, the turn query {answered}");
        }
    }

    [Fact]
    public async Task In_a_transaction_it_sees_the_rows_the_turn_wrote_there()
    {
        await using var scope = Bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBotDbContext>();
        var alex = await db.People.SingleAsync(p => p.Name == "Alex Wilber");
        var client = await db.Clients.Where(c => c.OwnerId == alex.Id).Select(c => c.Id).FirstAsync();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Visits.Add(Logged(alex, client, Start));
            await db.SaveChangesAsync();
            // Only this connection sees the row until the commit: a statement on another connection would say no.
            Assert.True(await LogVisit.AlreadyLogged.RunAsync(db, (alex.Id, client, Start), default));
            await transaction.RollbackAsync();
        }
        db.ChangeTracker.Clear();
        Assert.False(await LogVisit.AlreadyLogged.RunAsync(db, (alex.Id, client, Start), default));
    }
}

public sealed class SqliteTurnQueryTests : TurnQueryTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresTurnQueryTests : TurnQueryTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
