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

    /// <summary>The scope in a link: "person:{id}", "team:{id}" or "company".</summary>
    public string Key => Kind == ScopeKind.Company ? "company" : $"{Code}:{Id:N}";

    public static (ScopeKind Kind, Guid? Id)? ParseKey(string? key)
    {
        if (key == "company") return (ScopeKind.Company, null);
        var parts = key?.Split(':');
        if (parts is not [var kind, var id] || !Guid.TryParseExact(id, "N", out var guid)) return null;
        return kind switch
        {
            "person" => (ScopeKind.Person, guid),
            "team" => (ScopeKind.Team, guid),
            _ => null,
        };
    }
}
