namespace SalesBot.Features.Visits.Api;

/// <summary>GET /visits/{id}.ics: the visit's calendar file, for whoever holds a valid signed link (see <see cref="VisitIcsLinks"/>).</summary>
public static class VisitIcsEndpoint
{
    public static IEndpointRouteBuilder MapVisitIcs(this IEndpointRouteBuilder app)
    {
        app.MapGet("/visits/{file}", GetAsync);
        return app;
    }

    private static async Task<IResult> GetAsync(string file, Guid? owner, long? exp, string? sig, VisitIcsLinks links, SalesBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!file.EndsWith(".ics", StringComparison.OrdinalIgnoreCase) || !Guid.TryParse(file[..^4], out var id)) return Results.NotFound();
        // The same answer for a forged, expired or foreign link: nothing tells a guesser which part was wrong.
        if (owner is not { } ownerId || exp is not { } expires || !links.IsValid(id, ownerId, expires, sig))
            return Results.Problem(statusCode: 403, title: "This calendar link is not valid or has expired", detail: "Ask SalesBot for 'mis visitas' to get a new one.");
        var visit = await db.Visits.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id && v.OwnerId == ownerId, ct);
        if (visit is null) return Results.NotFound();
        var client = await db.Clients.Where(c => c.Id == visit.ClientId).Select(c => c.Name).FirstAsync(ct);
        var email = await db.People.Where(p => p.Id == ownerId).Select(p => p.Email).FirstAsync(ct);
        var ics = System.Text.Encoding.UTF8.GetBytes(VisitIcs.Render(visit, client, email, clock.GetUtcNow()));
        return Results.File(ics, "text/calendar; charset=utf-8", $"visita-{visit.Start:yyyyMMdd}-{id:N}.ics");
    }
}
