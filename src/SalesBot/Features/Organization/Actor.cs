namespace SalesBot.Features.Organization;

/// <summary>
/// Who is asking a use case to act. Use cases decide authorisation on this, never on what the
/// conversation layer or a language model claims.
/// </summary>
public sealed record Actor(string Id, string DisplayName, Role Roles, Guid? PersonId)
{
    /// <summary>An operator at the command line: they already hold the server, so they administer.</summary>
    public static Actor CommandLine(string operatorName) => new($"cli:{operatorName}", operatorName, Role.Admin, null);

    /// <summary>The person as read at the start of the turn, their team included (see <see cref="ActorTeam"/>).</summary>
    public static Actor For(Person person) => new(person.AadObjectId, person.Name, person.Roles, person.Id) { Team = new KnownTeam(person.TeamId) };

    /// <summary>
    /// The team as read together with the roles, when it was: use cases ask for it many times a
    /// turn, and the roles they check it with come from the same read.
    /// </summary>
    public KnownTeam? Team { get; init; }

    public sealed record KnownTeam(Guid? Id);

    /// <summary>A Teams user the organisation does not know yet: may only use the assistant's basics.</summary>
    /// <remarks>The name is the client's to send: cut to what a person's name may be, since it is audited.</remarks>
    public static Actor Unknown(string id, string? name) =>
        new(id, name is { Length: > MaxNameLength } ? Shared.TextPreview.Of(name, MaxNameLength - 1) : name ?? id, Role.None, null);

    public const int MaxNameLength = 200;

    public bool Has(Role role) => (Roles & role) == role;
}
