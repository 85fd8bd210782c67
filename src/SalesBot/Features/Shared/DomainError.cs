namespace SalesBot.Features.Shared;

/// <summary>
/// A refusal a user can understand: a stable code (the localisation key is "error.{Code}") and the
/// values to put in the message.
/// </summary>
public sealed record DomainError(string Code, params string[] Args)
{
    /// <summary>What sort of refusal it is, for callers that answer by kind (an HTTP status, a form shown again).</summary>
    public ErrorKind Kind => Code switch
    {
        "forbidden" => ErrorKind.Forbidden,
        "invalid" => ErrorKind.Invalid,
        "not-found" => ErrorKind.NotFound,
        "conflict" => ErrorKind.Conflict,
        _ => ErrorKind.Rule,
    };

    public static DomainError Forbidden(string action) => new("forbidden", action);
    /// <summary>A field with a bad value: the reason is a key ("reason.{reason}" in the strings) with its values.</summary>
    public static DomainError Invalid(string field, string reason, params string[] values) => new("invalid", [field, reason, .. values]);
    public static DomainError NotFound(string what, string key) => new("not-found", what, key);
    public static DomainError Conflict(string what, string key) => new("conflict", what, key);
}

public enum ErrorKind
{
    /// <summary>A business rule refused it (e.g. "the offer has not been sent to the client"): the code says which.</summary>
    Rule,
    Forbidden,
    Invalid,
    NotFound,
    Conflict,
}

/// <summary>A use case's answer: a value or a <see cref="DomainError"/>.</summary>
public readonly record struct Result<T>(T? Value, DomainError? Error)
{
    public bool Ok => Error is null;
    public static implicit operator Result<T>(T value) => new(value, null);
    public static implicit operator Result<T>(DomainError error) => new(default, error);
}
