namespace SalesBot.Features.Clients;

public enum LifecycleKind
{
    /// <summary>Vinculación: the client signed up.</summary>
    SignUp,

    /// <summary>Desvinculación: the client left.</summary>
    Churn,
}

/// <summary>
/// A client signing up or leaving, on a date, with its reason: what budget execution (sign-ups) and
/// churn count. The client's status follows its latest event.
/// </summary>
public sealed class ClientLifecycleEvent : IAudited
{
    public const int MaxReasonLength = 500;

    private ClientLifecycleEvent() { }

    internal ClientLifecycleEvent(Guid clientId, LifecycleKind kind, DateOnly on, string? reason, DateTimeOffset recordedAt)
    {
        Id = NewId.Next();
        ClientId = clientId;
        Kind = kind;
        On = on;
        Reason = reason;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }
    public Guid ClientId { get; private set; }
    public LifecycleKind Kind { get; private set; }
    public DateOnly On { get; private set; }
    public string? Reason { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}
