namespace SalesBot.Features.Language;

/// <summary>
/// The words of a simplified message, asked whether they say a cue: a phrase of one or more words
/// in order, each matching exactly, by prefix ("agend*" is agenda, agendar, agéndeme), or with one
/// typo in words of seven letters or more ("cotizacon", "negociacoin"; shorter ones would take
/// "visita" for "visité"). People type fast on a phone; a cue list of every misspelling would never end.
/// </summary>
public sealed class Cues
{
    private readonly string[] _words;

    public Cues(string simplified)
    {
        // Sentence marks kept by Simplify for numbers are not part of words here.
        _words = simplified.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', ',', ':', '\'', '-', '/'))
            .Where(w => w.Length > 0).ToArray();
    }

    public IReadOnlyList<string> Words => _words;

    /// <summary>True when any of the phrases appears.</summary>
    public bool Has(params string[] phrases) => phrases.Any(p => IndexOf(p) >= 0);

    /// <summary>Where the phrase starts (a word index), or -1.</summary>
    public int IndexOf(string phrase, int from = 0)
    {
        var parts = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = from; i + parts.Length <= _words.Length; i++)
        {
            var all = true;
            for (var j = 0; j < parts.Length && all; j++) all = Matches(_words[i + j], parts[j]);
            if (all) return i;
        }
        return -1;
    }

    /// <summary>True when every word is one of these (a message that only thanks, only greets).</summary>
    public bool OnlyOf(params string[] words) => _words.Length > 0 && _words.All(w => words.Any(c => Matches(w, c)));

    public static bool Matches(string word, string cue)
    {
        if (cue.EndsWith('*')) return word.StartsWith(cue[..^1], StringComparison.Ordinal);
        if (word == cue) return true;
        return cue.Length >= 7 && !char.IsDigit(cue[0]) && Math.Abs(word.Length - cue.Length) <= 1 && Distance(word, cue, 1) <= 1;
    }

    /// <summary>Edit distance with transpositions (optimal string alignment), stopping early once past <paramref name="stopAbove"/>.</summary>
    public static int Distance(string a, string b, int stopAbove)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            var rowMin = int.MaxValue;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, d[i - 2, j - 2] + 1);
                d[i, j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            if (rowMin > stopAbove) return rowMin;
        }
        return d[a.Length, b.Length];
    }
}
