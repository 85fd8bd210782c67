using System.Security.Claims;
using SalesBot.Teams.Schema;

namespace SalesBot.Teams.Hosting;

/// <summary>
/// One inbound activity and what the bot wants to say back. Replies are collected, not sent: the
/// application decides how they leave (ours writes them to a durable outbox with the turn's data).
/// </summary>
public interface ITurnContext
{
    Activity Activity { get; }
    ClaimsIdentity? Identity { get; }
    IReadOnlyList<Activity> Outgoing { get; }

    /// <summary>Queues a reply to the inbound activity, addressed the way the SDK would address it.</summary>
    void Reply(Activity activity);
    void Reply(string text);

    /// <summary>Takes back a queued reply that is answered another way (e.g. as an invoke's card); false if it was not queued.</summary>
    bool Withdraw(Activity reply);
}

public sealed class TurnContext(Activity activity, ClaimsIdentity? identity) : ITurnContext
{
    private readonly List<Activity> _outgoing = [];

    public Activity Activity { get; } = activity;
    public ClaimsIdentity? Identity { get; } = identity;
    public IReadOnlyList<Activity> Outgoing => _outgoing;

    public void Reply(string text) => Reply(new Activity { Type = ActivityTypes.Message, Text = text });

    /// <summary>Drops the replies queued so far (the turn failed and will answer differently).</summary>
    public void ClearOutgoing() => _outgoing.Clear();

    public bool Withdraw(Activity reply) => _outgoing.Remove(reply);

    public void Reply(Activity activity)
    {
        var template = Activity.CreateReply();
        activity.Type ??= ActivityTypes.Message;
        activity.From ??= template.From;
        activity.Recipient ??= template.Recipient;
        activity.Conversation ??= template.Conversation;
        activity.ReplyToId ??= template.ReplyToId;
        _outgoing.Add(activity);
    }
}
