namespace SalesBot.Features.Language;

/// <summary>
/// Reads what a free-text message asks for (NLU.md): the intent and its entities, against the
/// speaker's locale and the moment it was said. The built-in reader needs no cloud; a language
/// model may stand in front of it, falling back to it whenever the model fails.
/// </summary>
public interface IMessageReader
{
    Task<Understanding> ReadAsync(string text, ReadingContext context, CancellationToken ct);
}

/// <summary>The built-in reading: rules and parsers, no cloud, a few microseconds a message.</summary>
public sealed class BuiltInMessageReader(BuiltInUnderstanding understanding) : IMessageReader
{
    public Task<Understanding> ReadAsync(string text, ReadingContext context, CancellationToken ct) =>
        Task.FromResult(understanding.Read(text, context));
}
