namespace SalesBot.Features.Indicators;

public enum ScopeKind
{
    Person,
    Team,
    Company,
}

/// <summary>Whose figures: one person's (the records they own), a team's (its members'), or the company's.</summary>
public sealed record IndicatorScope(ScopeKind Kind, Guid? Id, string Name)
{
    public static IndicatorScope Company(string name) => new(ScopeKind.Company, null, name);

    public string Code => Kind switch
    {
        ScopeKind.Person => "person",
        ScopeKind.Team => "team",
        _ => "company",
    };
}
