namespace SalesBot.Features.Renegotiations;

/// <summary>The demo organisation has no Legal, HR, Operations or Finance staff: demo people answer for them.</summary>
public sealed class SeedDemoAreas(SalesBotDbContext db, SetAreaContact set)
{
    private static readonly (string Area, string Email)[] Demo =
    [
        ("legal", "adelev@contoso.example"),
        ("hr", "lynner@contoso.example"),
        ("operations", "isaiahl@contoso.example"),
        ("finance", "diegos@contoso.example"),
    ];

    public async Task<int> ExecuteAsync(Actor actor, CancellationToken ct)
    {
        foreach (var (area, email) in Demo)
        {
            var result = await set.ExecuteAsync(actor, area, email, ct);
            if (!result.Ok) throw new InvalidOperationException($"demo area {area}: {result.Error}");
        }
        return await db.SaveChangesAsync(ct);
    }
}
