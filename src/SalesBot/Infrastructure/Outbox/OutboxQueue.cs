using System.Threading.Channels;

namespace SalesBot.Infrastructure.Outbox;

/// <summary>
/// Hands freshly committed outbox rows straight to the dispatcher, so a reply leaves as soon as
/// its turn commits instead of waiting for the next poll. Losing this hand-off (a crash) is fine:
/// the rows are in the database and the poller finds them once their claim expires.
/// </summary>
public sealed class OutboxQueue
{
    private readonly Channel<IReadOnlyList<OutboxMessage>> _ready =
        Channel.CreateUnbounded<IReadOnlyList<OutboxMessage>>(new UnboundedChannelOptions { SingleReader = true });

    public void Committed(IReadOnlyList<OutboxMessage> messages)
    {
        if (messages.Count > 0) _ready.Writer.TryWrite(messages);
    }

    public ChannelReader<IReadOnlyList<OutboxMessage>> Reader => _ready.Reader;
}
