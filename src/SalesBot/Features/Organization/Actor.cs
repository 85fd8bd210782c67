namespace SalesBot.Features.Organization;

/// <summary>
/// Who is asking a use case to act. Use cases decide authorisation on this, never on what the
/// conversation layer or a language model claims.
/// </summary>
public sealed record Actor(string Id, string DisplayName, Role Roles, Guid? PersonId)
{
    /// <summary>An operator at the command line: they already hold the server, so they administer.</summary>
    public static Actor CommandLine(string operatorName) => new($"cli:{operatorName}", operatorName, Role.Admin, null);

    public static Actor For(Person person) => new(person.AadObjectId, person.Name, person.Roles, person.Id);

    /// <summary>A Teams user the organisation does not know yet: may only use the assistant's basics.</summary>
    /// <remarks>The name is the client's to send: cut to what a person's name may be, since it is audited.</remarks>
    public static Actor Unknown(string id, string? name) =>
        new(id, name is { Length: > MaxNameLength } ? Shared.TextPreview.Of(name, MaxNameLength - 1) : name ?? id, Role.None, null);

    public const int MaxNameLength = 200;

    public bool Has(Role role) => (Roles & role) == role;
}
