namespace SalesBot.Features.Language.Conversation;

/// <summary>A command name recognised in what the user typed, and what followed the command words.</summary>
public sealed record Intent(string Command, string Remainder);

public interface IIntentRecognizer
{
    Intent? Recognize(string text);

    /// <summary>The commands a message nobody could place most likely meant, best first: those whose phrases share the most of its words.</summary>
    IReadOnlyList<string> Likely(string text, int count);
}

/// <summary>
/// The built-in recognizer used when no language model is configured: the phrases each feature
/// registers (<see cref="Bot.PhraseSet"/>), matched at the start of the text after folding case,
/// accents and punctuation, the longest phrase first.
/// </summary>
public sealed class BuiltInRecognizer(IEnumerable<Bot.PhraseSet> phraseSets) : IIntentRecognizer
{
    private readonly (string Phrase, string Command)[] _phrases =
        phraseSets.SelectMany(s => s.Entries).OrderByDescending(p => p.Phrase.Length).ToArray();

    /// <summary>Every phrase and the action it names, longest first.</summary>
    public IReadOnlyList<(string Phrase, string Command)> Vocabulary => _phrases;

    public IReadOnlyList<string> Likely(string text, int count)
    {
        var words = TextFolding.Fold(text.Length > 500 ? text[..500] : text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return [];
        // A phrase word counts when written with one typo, or with the same first five letters ("agendame" for "agendar").
        bool Said(string cue) => cue.Length >= 4 && words.Any(w => Cues.Matches(w, cue) || cue.Length >= 5 && w.Length >= 5 && w.AsSpan(0, 5).SequenceEqual(cue.AsSpan(0, 5)));
        return _phrases
            .Select(p => (p.Command, Score: p.Phrase.Split(' ').Count(Said) / (double)p.Phrase.Split(' ').Length))
            .Where(p => p.Score >= 0.5)
            .GroupBy(p => p.Command)
            .Select(g => (Command: g.Key, Score: g.Max(p => p.Score)))
            .OrderByDescending(p => p.Score)
            .Take(count)
            .Select(p => p.Command)
            .ToList();
    }

    public Intent? Recognize(string text)
    {
        var folded = TextFolding.Fold(text);
        if (folded.Length == 0) return null;
        foreach (var (phrase, command) in _phrases)
        {
            if (folded == phrase) return new Intent(command, "");
            if (folded.StartsWith(phrase + " ", StringComparison.Ordinal))
                return new Intent(command, Remainder(text, phrase.Split(' ').Length));
        }
        return null;
    }

    /// <summary>What followed the command words, as the user wrote it (case and accents kept: "Tienda Azul").</summary>
    private static string Remainder(string text, int commandWords)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        // Leading punctuation such as "¿" is its own word only when separated by a space; skip empty folds.
        var skipped = 0;
        var index = 0;
        while (index < words.Length && skipped < commandWords)
        {
            if (TextFolding.Fold(words[index]).Length > 0) skipped += TextFolding.Fold(words[index]).Split(' ').Length;
            index++;
        }
        return string.Join(' ', words.Skip(index)).Trim();
    }
}
