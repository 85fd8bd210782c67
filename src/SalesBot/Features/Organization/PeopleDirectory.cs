namespace SalesBot.Features.Organization;

/// <summary>
/// People looked up by id, Entra id or name, for finding whom a sentence names ("plan de visitas
/// 20 Alex Wilber") and whom a notice goes to. Names are not secret inside the organisation; what
/// may be done to a person is decided by the use case the id is handed to.
/// </summary>
public sealed class PeopleDirectory(SalesBotDbContext db)
{
    public async Task<IReadOnlyList<(Guid Id, string Name)>> AllNamesAsync(CancellationToken ct) =>
        (await db.People.AsNoTracking().Select(p => new { p.Id, p.Name }).ToListAsync(ct)).Select(p => (p.Id, p.Name)).ToList();

    public async Task<IReadOnlyDictionary<Guid, Person>> ByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        ids.Count == 0 ? new Dictionary<Guid, Person>() : await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);

    /// <summary>Everyone with an email, by it (any case): how files name executives and owners.</summary>
    public async Task<IReadOnlyDictionary<string, Guid>> IdsByEmailAsync(CancellationToken ct) =>
        (await db.People.AsNoTracking().Where(p => p.Email != null).Select(p => new { p.Email, p.Id }).ToListAsync(ct))
            .ToDictionary(p => p.Email!, p => p.Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>The people's ids by their Entra object ids (those not in the organisation are left out).</summary>
    public async Task<IReadOnlyDictionary<string, Guid>> IdsByAadAsync(IReadOnlyCollection<string> aadObjectIds, CancellationToken ct) =>
        aadObjectIds.Count == 0 ? new Dictionary<string, Guid>()
            : await db.People.AsNoTracking().Where(p => aadObjectIds.Contains(p.AadObjectId)).ToDictionaryAsync(p => p.AadObjectId, p => p.Id, ct);
}
