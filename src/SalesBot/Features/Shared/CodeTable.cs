namespace SalesBot.Features.Shared;

/// <summary>
/// The stable codes of an enum (what cards and files carry, e.g. "follow-up") and the words people
/// write for each value (Spanish and English), matched folded: case, accents and punctuation ignored.
/// </summary>
public sealed class CodeTable<TEnum>(params (TEnum Value, string Code, string[] Aliases)[] rows) where TEnum : struct, Enum
{
    public IReadOnlyList<string> Codes { get; } = rows.Select(r => r.Code).ToList();

    public IReadOnlyList<TEnum> Values { get; } = rows.Select(r => r.Value).ToList();

    public string Code(TEnum value) => rows.Single(r => r.Value.Equals(value)).Code;

    /// <summary>Every word that names the value: its code, then its aliases.</summary>
    public IReadOnlyList<string> NamesOf(TEnum value) => rows.Where(r => r.Value.Equals(value)).SelectMany(r => r.Aliases.Prepend(r.Code)).ToList();

    public TEnum? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var folded = TextFolding.Fold(text);
        foreach (var (value, code, aliases) in rows)
            if (TextFolding.Fold(code) == folded || aliases.Any(a => TextFolding.Fold(a) == folded)) return value;
        return null;
    }
}
