namespace SalesBot.Infrastructure.Auditing;

/// <summary>
/// Who is acting in the current scope (a Teams turn, a CLI command, a job). Set once at the start
/// of the scope; every state change saved in that scope is audited under this actor.
/// </summary>
public sealed class AuditContext
{
    public string ActorId { get; private set; } = "system";
    public string? ActorName { get; private set; } = "system";
    public string? CorrelationId { get; private set; }

    public void Set(Actor actor, string? correlationId)
    {
        ActorId = actor.Id;
        ActorName = actor.DisplayName;
        CorrelationId = correlationId;
    }
}
