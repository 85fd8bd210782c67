namespace SalesBot.Features.Offers;

/// <summary>
/// Who approves each level for a requester: the team lead of the requester's team (else their
/// manager), the commercial director, the general director. Nobody approves their own offer: a
/// level whose approver is the requester goes to the requester's manager. One person is asked
/// once: if the same person would approve two levels, they decide at the higher one.
/// </summary>
public sealed class ApproverResolver(SalesBotDbContext db)
{
    public async Task<Result<IReadOnlyList<(ApprovalLevel Level, Person Approver, string? Because)>>> ResolveAsync(
        Person requester, IReadOnlyList<ApprovalLevel> levels, CancellationToken ct)
    {
        var chain = new List<(ApprovalLevel Level, Person Approver, string? Because)>();
        foreach (var level in levels)
        {
            var approver = await UsualApproverAsync(requester, level, ct);
            string? because = null;
            if (approver?.Id == requester.Id)
            {
                approver = requester.ManagerId is { } managerId ? await db.People.FirstOrDefaultAsync(p => p.Id == managerId, ct) : null;
                because = "self";
            }
            if (approver is null || approver.Id == requester.Id) return new DomainError("no-approver", level.ToString());
            chain.RemoveAll(c => c.Approver.Id == approver.Id);
            chain.Add((level, approver, because));
        }
        return chain;
    }

    private async Task<Person?> UsualApproverAsync(Person requester, ApprovalLevel level, CancellationToken ct)
    {
        switch (level)
        {
            case ApprovalLevel.TeamLead:
                var lead = requester.TeamId is { } team
                    ? await db.People.Where(p => p.TeamId == team && (p.Roles & Role.TeamLead) == Role.TeamLead).OrderBy(p => p.Name).FirstOrDefaultAsync(ct)
                    : null;
                return lead ?? (requester.ManagerId is { } m ? await db.People.FirstOrDefaultAsync(p => p.Id == m, ct) : null);
            case ApprovalLevel.CommercialDirector:
                return await db.People.Where(p => (p.Roles & Role.CommercialDirector) == Role.CommercialDirector).OrderBy(p => p.Name).FirstOrDefaultAsync(ct);
            default:
                return await db.People.Where(p => (p.Roles & Role.GeneralDirector) == Role.GeneralDirector).OrderBy(p => p.Name).FirstOrDefaultAsync(ct);
        }
    }
}
