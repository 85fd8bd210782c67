using SalesBot.Features.Clients;
using SalesBot.Infrastructure.Data;

namespace SalesBot.Tests.Clients;

/// <summary>
/// The client lookup by id is a compiled query of its own (every form that names a client runs it
/// twice); it must let each actor see exactly the clients <see cref="ClientAccess.Visible"/> lets
/// them see, on both providers, and on SQLite return what its EF query returns.
/// </summary>
public abstract class ClientAccessTests : DemoBotTest
{
    [Fact]
    public async Task The_lookup_by_id_sees_exactly_the_clients_the_access_rules_let_each_actor_see()
    {
        await using var scope = Bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesBotDbContext>();
        var search = scope.ServiceProvider.GetRequiredService<SearchClients>();
        // One client nobody owns: an actor without a person must not see it through "owner == me".
        var unowned = await db.Clients.OrderBy(c => c.Name).Select(c => c.Id).FirstAsync();
        await db.Clients.Where(c => c.Id == unowned).ExecuteUpdateAsync(s => s.SetProperty(c => c.OwnerId, (Guid?)null));
        // A second team, with a lead and an executive who owns one client: the team branch must stop at the team.
        var medellin = new Team("Ventas Medellín");
        var otherLead = new Person("aad-other-lead", "Otra Líder", "otra.lider@contoso.example", Role.TeamLead);
        var otherExecutive = new Person("aad-other-executive", "Otro Ejecutivo", "otro.ejecutivo@contoso.example", Role.Executive);
        otherLead.AssignTeam(medellin);
        otherExecutive.AssignTeam(medellin);
        db.AddRange(medellin, otherLead, otherExecutive);
        await db.SaveChangesAsync();
        var moved = await db.Clients.Where(c => c.Id != unowned).OrderByDescending(c => c.Name).Select(c => c.Id).FirstAsync();
        await db.Clients.Where(c => c.Id == moved).ExecuteUpdateAsync(s => s.SetProperty(c => c.OwnerId, otherExecutive.Id));

        var people = await db.People.ToListAsync();
        var actors = people.Select(Actor.For).ToList();
        actors.Add(new Actor("aad-without-person", "Nobody", Role.Executive | Role.TeamLead, null));
        actors.Add(new Actor("aad-no-roles", "No roles", Role.None, people[0].Id));
        var owners = await db.Clients.ToDictionaryAsync(c => c.Id, c => c.OwnerId);
        var clients = owners.Keys.ToList();

        var seenByExecutives = new List<bool>();
        var leadSawATeammatesClient = false;
        foreach (var actor in actors)
        {
            var team = await ActorTeam.OfAsync(db, actor, default);
            foreach (var id in clients)
            {
                var visible = actor.Roles != Role.None && await ClientAccess.Visible(db, actor, team).AnyAsync(c => c.Id == id);
                var found = await search.ByIdAsync(actor, id, default);
                Assert.True(visible == found.Ok, $"{actor.DisplayName} ({actor.Roles}) and client {id}: rules say {visible}, lookup says {found.Ok}");
                if (found.Ok) Assert.Equal(id, found.Value!.Id);
                // On SQLite the lookup is SQL of its own (a TurnQuery): field for field what the EF query returns.
                if (actor.Roles != Role.None)
                    Assert.Equal(await SearchClients.VisibleById.ThroughEfAsync(db, (id, ClientAccess.ScopeOf(actor, team)), default), found.Ok ? found.Value : null);
                if (actor.Roles == Role.Executive) seenByExecutives.Add(found.Ok);
                if (actor.Roles == Role.TeamLead && found.Ok && owners[id] is { } owner && owner != actor.PersonId) leadSawATeammatesClient = true;
            }
        }
        // Not vacuous: executives see some clients and not others; the unowned client is nobody's but the managers'.
        Assert.Contains(true, seenByExecutives);
        Assert.Contains(false, seenByExecutives);
        Assert.False((await search.ByIdAsync(actors[^2], unowned, default)).Ok);
        Assert.True(leadSawATeammatesClient, "no team lead saw a teammate's client: the team branch went untested");
        Assert.True((await search.ByIdAsync(Actor.For(otherLead), moved, default)).Ok);
        Assert.False((await search.ByIdAsync(Actor.For(people.Single(p => p.Name == "Megan Bowen")), moved, default)).Ok);
    }
}

public sealed class SqliteClientAccessTests : ClientAccessTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresClientAccessTests : ClientAccessTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
