using System.Text.Json;
using Microsoft.EntityFrameworkCore.Storage;
using SalesBot.Features.Organization;
using SalesBot.Features.Visits;
using SalesBot.Infrastructure.Auditing;
using SalesBot.Infrastructure.Data;

namespace SalesBot.Tests.Data;

/// <summary>
/// A turn whose changes are only new rows has them inserted directly, as SaveChanges would store
/// them and with the same audit entry; any other change is left to SaveChanges, untouched.
/// </summary>
public abstract class InsertOnlyChangesTests : DemoBotTest
{
    // To the millisecond: both providers keep that.
    private static readonly DateTimeOffset At = new(2026, 12, 3, 15, 30, 7, 123, TimeSpan.Zero);

    private static async Task<bool> SaveDirectlyAsync(SalesBotDbContext db)
    {
        using var detected = db.DetectChangesOnce();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var saved = await InsertOnlyChanges.TrySaveAsync(db, db.Database.GetDbConnection(), transaction.GetDbTransaction(), default);
        await transaction.CommitAsync();
        return saved;
    }

    private static Visit Logged(Person owner, Guid clientId, DateTimeOffset start) => Visit.Logged(owner.Id, clientId, start, start.AddMinutes(45),
        new VisitDetails(VisitType.FollowUp, "Ana Ñuñez", "Calle 5 # 3-20", "Quiere ampliar"),
        new VisitReport(VisitType.FollowUp, VisitOutcome.Interested, "Pidió propuesta", "Enviar oferta", new DateOnly(2026, 12, 10), "Renovación 2027"),
        owner.Id, At);

    private static async Task<(Person Alex, Guid ClientId)> AlexAndAClientOfHisAsync(SalesBotDbContext db)
    {
        var alex = await db.People.SingleAsync(p => p.Name == "Alex Wilber");
        return (alex, await db.Clients.Where(c => c.OwnerId == alex.Id).Select(c => c.Id).FirstAsync());
    }

    [Fact]
    public async Task A_new_visit_is_inserted_as_SaveChanges_stores_it_with_its_audit_entry_and_the_entries_are_accepted()
    {
        await using var scope = Bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBotDbContext>();
        var (alex, clientId) = await AlexAndAClientOfHisAsync(db);
        var audited = await db.AuditLog.CountAsync();
        var visit = Logged(alex, clientId, At.AddDays(-1));
        db.Visits.Add(visit);

        Assert.True(await SaveDirectlyAsync(db));

        // Accepted, as after SaveChanges: nothing left to save; the audit entry was written without being tracked.
        Assert.False(db.ChangeTracker.HasChanges());
        Assert.Empty(db.ChangeTracker.Entries<AuditEntry>());
        Assert.Equal(audited + 1, await db.AuditLog.CountAsync());
        var stored = await db.AuditLog.AsNoTracking().SingleAsync(a => a.EntityId == visit.Id.ToString());
        Assert.True(stored.Id > 0);
        Assert.Equal(("created", "Visit"), (stored.Action, stored.EntityType));
        Assert.Equal("Pidió propuesta", AuditSnapshot.Read(stored.After)["Notes"]);
        // The snapshot is exactly the property-name-to-value dictionary serialized.
        Assert.Equal(JsonSerializer.Serialize(db.Entry(visit).Properties.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue)), stored.After);
        Assert.Equivalent(visit, await db.Visits.AsNoTracking().SingleAsync(v => v.Id == visit.Id), strict: true);
        // Stored as EF stores it: the database's own comparisons find it by each converted value.
        Assert.Equal(visit.Id, await db.Visits.AsNoTracking()
            .Where(v => v.Start == visit.Start && v.End > v.Start && v.Status == VisitStatus.Done && v.Type == VisitType.FollowUp
                && v.Outcome == VisitOutcome.Interested && v.NextStepDate == new DateOnly(2026, 12, 10) && v.LoggedAt == At && v.CalendarState == visit.CalendarState)
            .Select(v => v.Id).SingleAsync());

        // The same executive, client and start again meets the unique index: a race, reported as SaveChanges reports one.
        db.Visits.Add(Logged(alex, clientId, At.AddDays(-1)));
        var race = await Assert.ThrowsAsync<DbUpdateException>(() => SaveDirectlyAsync(db));
        Assert.True(DuplicateKey.Is(race, "Visits"));
    }

    [Fact]
    public async Task A_visit_added_untracked_is_stored_and_audited_as_a_tracked_one_and_nothing_is_left_tracked()
    {
        await using var scope = Bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBotDbContext>();
        var (alex, clientId) = await AlexAndAClientOfHisAsync(db);
        db.ChangeTracker.Clear();
        var audited = await db.AuditLog.CountAsync();
        var visit = Logged(alex, clientId, At.AddDays(-3));
        db.AddNew(visit);
        Assert.True(db.HasChanges());

        Assert.True(await SaveDirectlyAsync(db));

        Assert.Empty(db.NewRows);
        Assert.False(db.HasChanges());
        Assert.Empty(db.ChangeTracker.Entries());
        Assert.Equal(audited + 1, await db.AuditLog.CountAsync());
        var stored = await db.AuditLog.AsNoTracking().SingleAsync(a => a.EntityId == visit.Id.ToString());
        Assert.Equal(("created", "Visit", (string?)null), (stored.Action, stored.EntityType, stored.Before));
        // The snapshot a tracked row gets, from the same values (read through a detached entry).
        Assert.Equal(JsonSerializer.Serialize(db.Entry(visit).Properties.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue)), stored.After);
        Assert.Equivalent(visit, await db.Visits.AsNoTracking().SingleAsync(v => v.Id == visit.Id), strict: true);

        // The unique index still guards it: the same executive, client and start is a duplicate, reported as SaveChanges reports one.
        db.ChangeTracker.Clear();
        db.AddNew(Logged(alex, clientId, At.AddDays(-3)));
        var race = await Assert.ThrowsAsync<DbUpdateException>(() => SaveDirectlyAsync(db));
        Assert.True(DuplicateKey.Is(race, "Visits"));
    }

    [Fact]
    public async Task An_untracked_new_row_beside_another_change_is_written_by_SaveChanges_with_its_audit_entry()
    {
        await using var scope = Bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBotDbContext>();
        var (alex, clientId) = await AlexAndAClientOfHisAsync(db);
        var visit = Logged(alex, clientId, At.AddDays(-4));
        db.AddNew(visit);
        alex.Update("Alex W.", alex.Email, alex.Roles);

        Assert.False(await SaveDirectlyAsync(db));
        Assert.Single(db.NewRows);
        await db.SaveChangesAsync();

        Assert.Empty(db.NewRows);
        Assert.True(await db.Visits.AnyAsync(v => v.Id == visit.Id));
        Assert.True(await db.AuditLog.AnyAsync(a => a.EntityId == visit.Id.ToString() && a.Action == "created"));
        Assert.True(await db.AuditLog.AnyAsync(a => a.EntityId == alex.Id.ToString() && a.Action == "updated"));
    }

    [Fact]
    public async Task A_context_given_back_to_the_pool_forgets_its_unsaved_new_rows()
    {
        var scope = Bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBotDbContext>();
        var (alex, clientId) = await AlexAndAClientOfHisAsync(db);
        db.AddNew(Logged(alex, clientId, At.AddDays(-5)));
        // A row the model does not know is refused where it is added, not at the commit.
        Assert.Throws<InvalidOperationException>(() => db.AddNew(new object()));
        Assert.Single(db.NewRows);

        await scope.DisposeAsync();

        Assert.Empty(db.NewRows);
    }

    [Fact]
    public async Task Any_other_change_is_left_to_SaveChanges_with_nothing_written()
    {
        await using var scope = Bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBotDbContext>();
        var (alex, clientId) = await AlexAndAClientOfHisAsync(db);
        var visits = await db.Visits.CountAsync();
        var audited = await db.AuditLog.CountAsync();

        // An update beside a new row.
        db.Visits.Add(Logged(alex, clientId, At.AddDays(-2)));
        alex.Update("Alex W.", alex.Email, alex.Roles);
        Assert.False(await SaveDirectlyAsync(db));
        db.ChangeTracker.Clear();

        // A new row that references another new row (a person in a new team): SaveChanges orders them.
        var team = new Team("Equipo Nuevo");
        var person = new Person("aad-new", "Nueva Persona", "nueva@example.com", Role.Executive);
        person.AssignTeam(team);
        db.People.Add(person);
        db.Teams.Add(team);
        Assert.False(await SaveDirectlyAsync(db));

        Assert.Equal((visits, audited), (await db.Visits.CountAsync(), await db.AuditLog.CountAsync()));
        Assert.Equal(2, db.ChangeTracker.Entries().Count(e => e.State == EntityState.Added));
    }
}

public sealed class SqliteInsertOnlyChangesTests : InsertOnlyChangesTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresInsertOnlyChangesTests : InsertOnlyChangesTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
