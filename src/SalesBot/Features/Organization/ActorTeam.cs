namespace SalesBot.Features.Organization;

public static class ActorTeam
{
    /// <summary>The team of the person acting (null for people without one and for the command line).</summary>
    /// <remarks>Read with the actor when it was (<see cref="Actor.For"/>), so a turn asks the database once.</remarks>
    public static async Task<Guid?> OfAsync(SalesBotDbContext db, Actor actor, CancellationToken ct) =>
        actor.Team is { } known ? known.Id
        : actor.PersonId is { } id ? await db.People.Where(p => p.Id == id).Select(p => p.TeamId).FirstOrDefaultAsync(ct)
        : null;
}
