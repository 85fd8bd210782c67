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

    /// <summary>The refusal with the name of what it is about added last (its next step names it: "oferta enviada Suministro 2027").</summary>
    public DomainError About(string name) => Kind == ErrorKind.Rule ? this with { Args = [.. Args, name] } : this;
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

/// <summary>
/// A use case's answer, the one shape every use case returns: a value, or the refusals (one, or
/// each invalid field of a form, so that the form comes back with all of them).
/// </summary>
public readonly record struct Result<T>
{
    private readonly IReadOnlyList<DomainError>? _errors;

    private Result(T? value, IReadOnlyList<DomainError>? errors)
    {
        Value = value;
        _errors = errors;
    }

    public T? Value { get; }

    public IReadOnlyList<DomainError> Errors => _errors ?? [];

    /// <summary>The first refusal (the only one, but for a form's fields).</summary>
    public DomainError? Error => _errors is [var first, ..] ? first : null;

    public bool Ok => Error is null;

    public static Result<T> Refused(IReadOnlyList<DomainError> errors) =>
        errors.Count > 0 ? new(default, errors) : throw new ArgumentException("A refusal needs a reason", nameof(errors));

    public static implicit operator Result<T>(T value) => new(value, null);
    public static implicit operator Result<T>(DomainError error) => new(default, [error]);

    public void Deconstruct(out T? value, out IReadOnlyList<DomainError> errors)
    {
        value = Value;
        errors = Errors;
    }
}
